# Plain Python: class instances, attributes, methods, dict get/set and f-strings.
class Account:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def describe(self):
        return f"{self.owner}: {self.balance:.2f}"


accounts = {}
for i in range(20_000):
    name = f"user{i % 500}"
    account = accounts.get(name)
    if account is None:
        account = Account(name)
        accounts[name] = account
    account.deposit(i * 0.5)

lines = [account.describe() for account in accounts.values()]
print(len(lines), lines[0], lines[-1])
