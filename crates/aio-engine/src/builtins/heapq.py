# The `heapq` module: CPython 3.11.7's Lib/heapq.py and its C half _heapq, written fresh to their
# documented behaviour and messages. Parsed and run on the first `import heapq`.
# The heap functions make CPython's comparisons in CPython's order, so a heap list holds its
# items in the same places. nsmallest, nlargest and merge follow heapq.py's algorithms (ties
# come out as there); their statements marked `# tb:` show as heapq.py's lines in tracebacks.
# Left out: "list changed size during iteration" (a comparison that changes the heap).

__all__ = ['heappush', 'heappop', 'heapify', 'heapreplace', 'merge', 'nlargest', 'nsmallest',
           'heappushpop']


def _check(heap, what):
    if not isinstance(heap, list):
        raise TypeError(f'{what} must be list, not {type(heap).__name__}')


def _siftdown(heap, startpos, pos, largest=False):
    # move heap[pos] up towards startpos while it is smaller (larger) than its parent
    item = heap[pos]
    while pos > startpos:
        parentpos = (pos - 1) >> 1
        parent = heap[parentpos]
        if not (parent < item if largest else item < parent):
            break
        heap[pos] = parent
        pos = parentpos
    heap[pos] = item


def _siftup(heap, pos, largest=False):
    # bring the smaller (larger) child up until a leaf is free, then sift heap[pos] down there
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not (heap[right] < heap[child] if largest else heap[child] < heap[right]):
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, start, pos, largest)


def heappush(heap, item):
    _check(heap, 'heappush() argument 1')
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def _pop(heap, largest):
    if not heap:
        raise IndexError('index out of range')
    last = heap.pop()
    if not heap:
        return last
    item = heap[0]
    heap[0] = last
    _siftup(heap, 0, largest)
    return item


def _replace(heap, item, largest):
    if not heap:
        raise IndexError('index out of range')
    top = heap[0]
    heap[0] = item
    _siftup(heap, 0, largest)
    return top


def heappop(heap):
    _check(heap, 'heappop() argument')
    return _pop(heap, False)


def heapreplace(heap, item):
    _check(heap, 'heapreplace() argument 1')
    return _replace(heap, item, False)


def heappushpop(heap, item):
    _check(heap, 'heappushpop() argument 1')
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    _check(x, 'heapify() argument')
    for i in range(len(x) // 2 - 1, -1, -1):
        _siftup(x, i)


def _heapify_max(x):
    _check(x, '_heapify_max() argument')
    for i in range(len(x) // 2 - 1, -1, -1):
        _siftup(x, i, True)


def _heappop_max(heap):
    _check(heap, '_heappop_max() argument')
    return _pop(heap, True)


def _heapreplace_max(heap, item):
    _check(heap, '_heapreplace_max() argument 1')
    return _replace(heap, item, True)


def merge(*iterables, key=None, reverse=False):
    # the heap holds one entry per input: [value, input number (breaks ties), its __next__], or
    # [key, input number, value, its __next__] with a key
    h = []
    h_append = h.append
    if reverse:
        _heapify, _heappop, _heapreplace, direction = _heapify_max, _heappop_max, _heapreplace_max, -1
    else:
        _heapify, _heappop, _heapreplace, direction = heapify, heappop, heapreplace, 1
    if key is None:
        for order, it in enumerate(map(iter, iterables)):  # tb: heapq.py:349
            try:
                next = it.__next__
                h_append([next(), order * direction, next])  # tb: heapq.py:352
            except StopIteration:
                pass
        _heapify(h)  # tb: heapq.py:355
        while len(h) > 1:
            try:
                while True:
                    value, order, next = s = h[0]
                    yield value
                    s[0] = next()           # raises StopIteration when exhausted  # tb: heapq.py:361
                    _heapreplace(h, s)      # restore heap condition  # tb: heapq.py:362
            except StopIteration:
                _heappop(h)                 # remove empty iterator  # tb: heapq.py:364
        if h:
            # one input left: the rest of it, as it comes
            value, order, next = h[0]
            yield value
            yield from next.__self__  # tb: heapq.py:369
        return
    for order, it in enumerate(map(iter, iterables)):  # tb: heapq.py:372
        try:
            next = it.__next__
            value = next()  # tb: heapq.py:375
            h_append([key(value), order * direction, value, next])  # tb: heapq.py:376
        except StopIteration:
            pass
    _heapify(h)  # tb: heapq.py:379
    while len(h) > 1:
        try:
            while True:
                key_value, order, value, next = s = h[0]
                yield value
                value = next()  # tb: heapq.py:385
                s[0] = key(value)  # tb: heapq.py:386
                s[2] = value
                _heapreplace(h, s)  # tb: heapq.py:388
        except StopIteration:
            _heappop(h)  # tb: heapq.py:390
    if h:
        key_value, order, value, next = h[0]
        yield value
        yield from next.__self__  # tb: heapq.py:394


# nsmallest keeps the n smallest items seen in a max-heap, nlargest the n largest in a min-heap,
# as (item, order) or (key, order, item): the order (counting up for nsmallest, down from 0 for
# nlargest) makes the first seen of equal items win, as sorted() would

def nsmallest(n, iterable, key=None):
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = min(it, default=sentinel, key=key)  # tb: heapq.py:473
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key)[:n]  # tb: heapq.py:483
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(n), it)]  # tb: heapq.py:490
        if not result:
            return result
        _heapify_max(result)  # tb: heapq.py:493
        top = result[0][0]
        order = n
        _heapreplace = _heapreplace_max
        for elem in it:  # tb: heapq.py:497
            if elem < top:  # tb: heapq.py:498
                _heapreplace(result, (elem, order))  # tb: heapq.py:499
                top = result[0][0]
                order += 1
        result.sort()  # tb: heapq.py:502
        return [entry[0] for entry in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(n), it)]  # tb: heapq.py:507
    if not result:
        return result
    _heapify_max(result)  # tb: heapq.py:510
    top = result[0][0]
    order = n
    _heapreplace = _heapreplace_max
    for elem in it:  # tb: heapq.py:514
        k = key(elem)  # tb: heapq.py:515
        if k < top:  # tb: heapq.py:516
            _heapreplace(result, (k, order, elem))  # tb: heapq.py:517
            top = result[0][0]
            order += 1
    result.sort()  # tb: heapq.py:520
    return [entry[2] for entry in result]


def nlargest(n, iterable, key=None):
    if n == 1:
        it = iter(iterable)
        sentinel = object()
        result = max(it, default=sentinel, key=key)  # tb: heapq.py:533
        return [] if result is sentinel else [result]
    try:
        size = len(iterable)
    except (TypeError, AttributeError):
        pass
    else:
        if n >= size:
            return sorted(iterable, key=key, reverse=True)[:n]  # tb: heapq.py:543
    it = iter(iterable)
    if key is None:
        result = [(elem, i) for i, elem in zip(range(0, -n, -1), it)]  # tb: heapq.py:548
        if not result:
            return result
        heapify(result)  # tb: heapq.py:551
        top = result[0][0]
        order = -n
        _heapreplace = heapreplace
        for elem in it:  # tb: heapq.py:555
            if top < elem:  # tb: heapq.py:556
                _heapreplace(result, (elem, order))  # tb: heapq.py:557
                top = result[0][0]
                order -= 1
        result.sort(reverse=True)  # tb: heapq.py:560
        return [entry[0] for entry in result]
    result = [(key(elem), i, elem) for i, elem in zip(range(0, -n, -1), it)]  # tb: heapq.py:565
    if not result:
        return result
    heapify(result)  # tb: heapq.py:568
    top = result[0][0]
    order = -n
    _heapreplace = heapreplace
    for elem in it:  # tb: heapq.py:572
        k = key(elem)  # tb: heapq.py:573
        if top < k:  # tb: heapq.py:574
            _heapreplace(result, (k, order, elem))  # tb: heapq.py:575
            top = result[0][0]
            order -= 1
    result.sort(reverse=True)  # tb: heapq.py:578
    return [entry[2] for entry in result]
