# str.format_map with a dict subclass's __missing__, str.maketrans and str.translate, with CPython's messages.
class Default(dict):
    def __missing__(self, key):
        return "{" + key + "}"


print("{name} is {age:>3} years".format_map({"name": "Ann", "age": 7}))
print("{name} lives in {city}".format_map(Default(name="Bob")))
print("{p.real}|{d[k]}".format_map({"p": 3, "d": {"k": "v"}}))
for bad in [lambda: "{0}".format_map({}), lambda: "{x}".format_map({}), lambda: "{}".format_map({"": 1}), lambda: "a".format_map()]:
    try:
        print(bad())
    except Exception as e:
        print(type(e).__name__, e)

try:
    print('str.maketrans("ab","c")', repr(str.maketrans("ab","c")))
except Exception as e:
    print('str.maketrans("ab","c")', type(e).__name__, e)
try:
    print('str.maketrans(1)', repr(str.maketrans(1)))
except Exception as e:
    print('str.maketrans(1)', type(e).__name__, e)
try:
    print('str.maketrans({"ab":1})', repr(str.maketrans({"ab":1})))
except Exception as e:
    print('str.maketrans({"ab":1})', type(e).__name__, e)
try:
    print('str.maketrans({1.5:1})', repr(str.maketrans({1.5:1})))
except Exception as e:
    print('str.maketrans({1.5:1})', type(e).__name__, e)
try:
    print('"abc".translate({97: 300000000})', repr("abc".translate({97: 300000000})))
except Exception as e:
    print('"abc".translate({97: 300000000})', type(e).__name__, e)
try:
    print('"abc".translate({97: 1.5})', repr("abc".translate({97: 1.5})))
except Exception as e:
    print('"abc".translate({97: 1.5})', type(e).__name__, e)
try:
    print('str.maketrans("ab","cd","e")', repr(str.maketrans("ab","cd","e")))
except Exception as e:
    print('str.maketrans("ab","cd","e")', type(e).__name__, e)
try:
    print('str.maketrans({"a": "xy", 98: None})', repr(str.maketrans({"a": "xy", 98: None})))
except Exception as e:
    print('str.maketrans({"a": "xy", 98: None})', type(e).__name__, e)
try:
    print('"hello".translate(str.maketrans("lo", "01", "h"))', repr("hello".translate(str.maketrans("lo", "01", "h"))))
except Exception as e:
    print('"hello".translate(str.maketrans("lo", "01", "h"))', type(e).__name__, e)
try:
    print('str.maketrans("a", 1)', repr(str.maketrans("a", 1)))
except Exception as e:
    print('str.maketrans("a", 1)', type(e).__name__, e)
try:
    print('"abc".translate(["x"]*98)', repr("abc".translate(["x"]*98)))
except Exception as e:
    print('"abc".translate(["x"]*98)', type(e).__name__, e)
try:
    print('"x".maketrans("x", "y")', repr("x".maketrans("x", "y")))
except Exception as e:
    print('"x".maketrans("x", "y")', type(e).__name__, e)
try:
    print('"Hello, World!".translate(str.maketrans("", "", ",!"))', repr("Hello, World!".translate(str.maketrans("", "", ",!"))))
except Exception as e:
    print('"Hello, World!".translate(str.maketrans("", "", ",!"))', type(e).__name__, e)
