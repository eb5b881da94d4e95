# Plain Python: string methods, split and join, format specs.
words = []
for i in range(20_000):
    line = f"  Item-{i:05d}, price={i * 1.25:>10.2f}; tag={'even' if i % 2 == 0 else 'odd'}  "
    parts = line.strip().split(", ")
    name = parts[0].lower().replace("item-", "item_")
    price = float(parts[1].split("=")[1].split(";")[0])
    words.append("{}:{:.1f}".format(name.upper(), price))
text = "|".join(words)
print(len(text), text[:40], text.count("ITEM_"))
