# exit: 1
# classmethod and staticmethod as the types they are, singledispatchmethod over them,
# and the sys facts a program checks before it runs (version_info, float_info).
import sys
from functools import singledispatchmethod

if sys.version_info < (3, 11):
    raise SystemExit("this example needs Python 3.11")
print("running on", ".".join(map(str, sys.version_info[:3])), sys.version_info.releaselevel)
print(sys.version_info)
print("epsilon", sys.float_info.epsilon, "max", sys.float_info.max, "dig", sys.float_info.dig)
print(sys.byteorder, sys.getdefaultencoding(), sys.int_info.default_max_str_digits)


class Temperature:
    scale = "C"

    def __init__(self, degrees):
        self.degrees = degrees

    @classmethod
    def from_fahrenheit(cls, f):
        return cls(round((f - 32) * 5 / 9, 1))

    @staticmethod
    def is_freezing(degrees):
        return degrees <= 0

    @singledispatchmethod
    @classmethod
    def parse(cls, value):
        raise TypeError(f"cannot read a temperature from {type(value).__name__}")

    @parse.register
    @classmethod
    def _(cls, value: str):
        return cls(float(value.rstrip("C")))

    @parse.register
    @classmethod
    def _(cls, value: int):
        return cls(value)

    def __repr__(self):
        return f"{type(self).__name__}({self.degrees}{self.scale})"


for name, attr in vars(Temperature).items():
    if isinstance(attr, (classmethod, staticmethod)):
        print(f"{name:16} {type(attr).__name__:12} wraps {attr.__func__.__name__}")

print(Temperature.from_fahrenheit(212), Temperature.is_freezing(-3))
print(Temperature.parse("21.5C"), Temperature.parse(30))
bound = Temperature.__dict__["from_fahrenheit"].__get__(None, Temperature)
print(bound(32), staticmethod(abs).__func__(-4))
try:
    classmethod()
except TypeError as e:
    print("TypeError:", e)
Temperature.parse(3.5)
