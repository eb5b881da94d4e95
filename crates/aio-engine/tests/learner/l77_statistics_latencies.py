# Checks statistics on simulated task latencies (made from task ids, never measured): mean
# (int or float as CPython's exact fractions give), fmean, median, mode, multimode, stdev,
# pstdev, variance, quantiles, and StatisticsError's messages for too little data.
import asyncio
import statistics


async def task(i):
    await asyncio.sleep(0)
    return 20 + (i * 37) % 50  # simulated latency in ms


async def main():
    ms = await asyncio.gather(*(task(i) for i in range(12)))
    seconds = [m / 1000 for m in ms]
    print("latencies:", ms)
    print("mean:", statistics.mean(ms), statistics.mean([10, 20, 30]), statistics.fmean(ms))
    print("median:", statistics.median(ms), statistics.median_low(ms), statistics.median_high(ms))
    print("mode:", statistics.mode(ms), statistics.multimode([m // 10 for m in ms]))
    print("stdev:", statistics.stdev(ms), statistics.pstdev(ms))
    print("variance:", statistics.variance(ms), statistics.pvariance(ms))
    print("quartiles:", statistics.quantiles(ms))
    print("deciles:", statistics.quantiles(ms, n=10, method="inclusive"))
    print("seconds:", statistics.mean(seconds), statistics.stdev(seconds))
    print("p-var s:", statistics.pvariance(seconds), statistics.median(seconds))
    print("floats:", statistics.stdev([0.3, 0.3, 0.7, 1.1, 1.1]), statistics.mean([0.1, 0.2, 0.4]))
    for func, data in [(statistics.mean, []), (statistics.stdev, [5]), (statistics.quantiles, [1])]:
        try:
            func(data)
        except statistics.StatisticsError as exc:
            print(f"{func.__name__}: {exc}")
    slow = [m for m in ms if m > statistics.mean(ms) + statistics.stdev(ms)]
    print("slow:", slow, isinstance(statistics.StatisticsError(), ValueError))


asyncio.run(main())
