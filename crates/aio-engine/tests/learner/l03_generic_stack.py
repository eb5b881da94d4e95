# A typed Stack[T] (Generic[T]) shared by async tasks: T prints as ~T, Stack[int] as __main__.Stack[int]; an
# instance made through Stack[int]() remembers it in __orig_class__; subscripting with two types raises
# "TypeError: Too many arguments for <class '__main__.Stack'>; actual 2, expected 1".
import asyncio
from typing import Generic, List, Optional, TypeVar

T = TypeVar("T")


class Stack(Generic[T]):
    def __init__(self) -> None:
        self._items: List[T] = []

    def push(self, item: T) -> None:
        self._items.append(item)

    def pop(self) -> Optional[T]:
        return self._items.pop() if self._items else None

    def __len__(self) -> int:
        return len(self._items)

    def __repr__(self) -> str:
        return f"Stack({self._items!r})"


async def producer(stack: Stack[int], start: int) -> None:
    for i in range(start, start + 3):
        stack.push(i)
        await asyncio.sleep(0)


async def main() -> None:
    stack: Stack[int] = Stack[int]()
    await asyncio.gather(producer(stack, 10), producer(stack, 20))
    print(stack, len(stack))
    print([stack.pop() for _ in range(7)])
    print(stack.__orig_class__, type(stack))


print(T, T.__name__, repr(Stack[int]), Stack[str].__args__)
print(Stack.__parameters__, Stack.__mro__)
print(Stack[int] == Stack[int], Stack[int] is Stack[int], Stack[int]().__orig_class__)
try:
    Stack[int, str]
except TypeError as e:
    print("TypeError:", e)
asyncio.run(main())
