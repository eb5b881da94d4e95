# exit: 1
# Orders arrive as CSV text from simulated shops; totals are kept exact with Fraction and the
# report is written back as CSV. A malformed row ends the program.
import asyncio
import csv
import io
import math
from fractions import Fraction

SHOPS = {
    "north": 'item,qty,price\ncoffee,3,2.50\n"tea, green",2,1.75\ncake,1,4\n',
    "south": "item,qty,price\ncoffee,1,2.50\njuice,4,0.3\n",
}


async def fetch_orders(shop):
    await asyncio.sleep(0.1 if shop == "north" else 0.2)
    return list(csv.DictReader(io.StringIO(SHOPS[shop])))


async def main():
    per_shop = await asyncio.gather(*(fetch_orders(s) for s in SHOPS))
    totals = {}
    for shop, rows in zip(SHOPS, per_shop):
        for row in rows:
            cost = int(row["qty"]) * Fraction(row["price"])
            totals[row["item"]] = totals.get(row["item"], 0) + cost
            print(f"{shop:6} {row['item']:10} {cost!s:>6} {float(cost):6.2f}")
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["item", "total", "as float"])
    for item, total in sorted(totals.items()):
        writer.writerow([item, total, round(float(total), 2)])
    print(out.getvalue(), end="")
    grand = sum(totals.values())
    print(repr(grand), grand, math.floor(grand), round(grand, 1), grand.limit_denominator(10))
    print(Fraction(1, 3) + Fraction(1, 6) == Fraction(1, 2), Fraction(0.1) == Fraction("0.1"))
    print(Fraction("3/4") < 0.8, sorted([Fraction(2, 3), 0.5, 1]), hash(Fraction(1, 2)) == hash(0.5))


asyncio.run(main())
reader = csv.reader(io.StringIO('a,"b\n'), strict=True)
print(list(reader))
