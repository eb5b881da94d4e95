# Plain Python: recursive calls (fib(24) makes 75,025 calls).
def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(24))
