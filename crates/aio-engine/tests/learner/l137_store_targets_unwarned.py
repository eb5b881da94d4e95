# The compiler's subscript warnings are for loads: assignments, del, augmented assignments and for targets into a literal are not warned about (what they load is).
x = {}
try:
    [1]["a"] = 2
except TypeError as e:
    print(e)
try:
    del (1, 2)[0]
except TypeError as e:
    print(e)
try:
    (1, 2)[0] += 1
except TypeError as e:
    print(e)
try:
    for [1]["k"] in [1]:
        pass
except TypeError as e:
    print(e)
try:
    y = [1]["z"]
except TypeError as e:
    print(e)
try:
    [1]["a"][0] = 5
except TypeError as e:
    print(e)
