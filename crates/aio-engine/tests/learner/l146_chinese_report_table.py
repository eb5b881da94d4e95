# exit: 1
# 用 asyncio 模拟抓取成绩，再按显示宽度对齐中文表格：unicodedata.east_asian_width、
# 全角数字和中文数字、中文字符串上的报错位置。
import asyncio
import unicodedata

成绩单 = {"王小明": "９５", "Alice": "88", "欧阳娜娜": "七十", "李雷": "７２"}
中文数字 = {"七": 7, "十": 10, "九": 9, "五": 5}


def 显示宽度(文字):
    return sum(2 if unicodedata.east_asian_width(字) in "WF" else 1 for 字 in 文字)


def 补齐(文字, 宽度):
    return 文字 + " " * (宽度 - 显示宽度(文字))


def 读分数(原文):
    if 原文.isdecimal():
        return int(原文)
    if 原文.isnumeric():
        十位, 个位 = 原文[0], 原文[1]
        return 中文数字[十位] * (10 if 个位 == "十" else 1)
    raise ValueError(f"看不懂的分数：{原文}")


async def 抓取(姓名):
    await asyncio.sleep(0.01 * 显示宽度(姓名))
    return 姓名, 读分数(成绩单[姓名])


async def main():
    结果 = await asyncio.gather(*(抓取(名字) for 名字 in 成绩单))
    print(补齐("姓名", 10) + "|" + 补齐("分数", 6) + "|")
    print("-" * 10 + "+" + "-" * 6 + "+")
    for 姓名, 分数 in sorted(结果, key=lambda 行: -行[1]):
        print(补齐(姓名, 10) + "|" + f"{分数:>6}" + "|")
    print([unicodedata.east_asian_width(c) for c in "a汉Ａｱ€"], "三".isnumeric(), "１".isdigit())
    平均 = sum(分数 for _, 分数 in 结果) / len(结果)
    print(f"平均分：{平均:.1f}", unicodedata.unidata_version)


asyncio.run(main())
报告 = "成绩：" + 成绩单["王小明"] + 100
