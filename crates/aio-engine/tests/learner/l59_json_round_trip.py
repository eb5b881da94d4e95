# json as API demos use it: dumps with indent, sort_keys, ensure_ascii and default; loads and its errors; dump and load with io.StringIO
import json

data = {"name": "café ☕", "tags": ["a", "b"], "n": 3, "x": 1.5, "ok": True, "none": None,
        "nested": {"deep": [1, {"k": "v"}]}, 7: "seven", "emoji": "😀", "ctl": "a\tb\n\x01\"\\"}
text = json.dumps(data)
print(text)
print(json.dumps(data, indent=2, sort_keys=False, ensure_ascii=False))
print(json.dumps([1, [], {}, [2, [3]]], indent=4))
print(json.dumps({"b": 1, "a": [1.0, 2e20, 1e-7, float("inf")]}, sort_keys=True, separators=(",", ":")))
print(json.dumps("plain"), json.dumps(None), json.dumps(3), json.dumps([True, False]), json.dumps({}), json.dumps(()))
print(json.dumps({"t": (1, 2)}, indent="\t"), json.dumps({1.5: 1, True: 2, None: 3}))
back = json.loads(text)
print(back, back == {**data, "7": "seven"} or back)
print(json.loads('  [1, 2.5, -3, 1e3, "x\\u00e9\\ud83d\\ude00", null, true, false, {"a": {}}, []]  '))
print(json.loads('{"a": NaN, "b": Infinity, "c": -Infinity}'), json.loads('"\\n\\/"'), json.loads("0"), json.loads("-0.0"))
print(json.loads('{"a": 1}', object_hook=lambda d: sorted(d.items())), json.loads("[1.5]", parse_float=str))
print(json.dumps({"when": object()}, default=lambda o: "obj"), json.dumps([1, 2], default=str))
for bad in ["", "{", '{"a" 1}', '{"a": 1,}', "[1,]", "[1 2]", '"abc', "nul", '{"a": 1} x', '"\\x"',
            '"a\nb"', "[", '{"a": 1, 2: 3}', "01", '"\\u12"', "  ", '{"a":1', "[1,2", "{'a': 1}"]:
    try:
        json.loads(bad)
    except json.JSONDecodeError as e:
        print(repr(bad), "->", e, "|", e.msg, e.pos, e.lineno, e.colno)
try:
    json.dumps({"a": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
try:
    json.dumps({(1, 2): 3})
except TypeError as e:
    print("TypeError:", e)
print(json.dumps({(1, 2): 3, "k": 1}, skipkeys=True))
a = []
a.append(a)
try:
    json.dumps(a)
except ValueError as e:
    print("ValueError:", e)
try:
    json.dumps(float("nan"), allow_nan=False)
except ValueError as e:
    print("ValueError:", e)
print(isinstance(json.JSONDecodeError("m", "d", 0), ValueError), json.JSONDecodeError.__module__)
import io
buf = io.StringIO()
json.dump({"k": [1, 2]}, buf, indent=1)
print(buf.getvalue())
print(json.load(io.StringIO('{"r": 1}')))
