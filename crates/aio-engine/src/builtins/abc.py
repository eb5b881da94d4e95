# The `abc` module: CPython 3.11.7's Lib/abc.py with its C half _abc, written fresh to their
# documented behaviour and messages. Parsed and run on the first `import abc`.
# ABCMeta computes __abstractmethods__ as CPython's _abc_init does; the refusal to instantiate
# ("Can't instantiate abstract class C with abstract methods a, b") is the engine's, from
# __abstractmethods__, as CPython's object.__new__ does it. isinstance()/issubclass() go
# through the registry, __subclasshook__, the __mro__ and the subclasses, with CPython's
# positive and negative caches (so a __subclasshook__ runs as often as in CPython).
# The engine has no weakref, no type.__subclasses__, no object.__subclasshook__: the caches
# hold strong references, each ABC keeps its own list of direct subclasses, and a missing
# __subclasshook__ counts as NotImplemented. It cannot subclass classmethod, staticmethod or
# property, so abstractclassmethod, abstractstaticmethod and abstractproperty are functions
# returning a plain classmethod/staticmethod/property that this module remembers as abstract.
# Its property does not pass on __isabstractmethod__ from the functions it wraps (CPython's
# does): that is worked out here.

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod', 'abstractstaticmethod',
           'abstractproperty', 'get_cache_token', 'update_abstractmethods']


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


# wrappers made by the abstract* functions below, by id (kept alive here so ids stay unique)
_abstract_wrappers = {}


def _remember(wrapper):
    _abstract_wrappers[id(wrapper)] = wrapper
    return wrapper


def abstractclassmethod(callable):
    # deprecated since 3.3: @classmethod over @abstractmethod does the same
    callable.__isabstractmethod__ = True
    return _remember(classmethod(callable))


def abstractstaticmethod(callable):
    # deprecated since 3.3: @staticmethod over @abstractmethod does the same
    callable.__isabstractmethod__ = True
    return _remember(staticmethod(callable))


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    # deprecated since 3.3; abstract whatever its functions are, as CPython's subclass is
    return _remember(property(fget, fset, fdel, doc))


_WRAPPER_TYPES = (classmethod, staticmethod)


def _is_abstract(value, cls=None, name=None):
    if getattr(value, '__isabstractmethod__', False):
        return True
    if id(value) in _abstract_wrappers and _abstract_wrappers[id(value)] is value:
        return True
    # CPython's property, classmethod and staticmethod answer __isabstractmethod__ from the
    # functions they wrap; the engine's do not, so look at those functions here (a
    # classmethod's or staticmethod's through the class, which unwraps it)
    if isinstance(value, property):
        return any(_is_abstract(f) for f in (value.fget, value.fset, value.fdel)
                   if f is not None)
    if type(value) in _WRAPPER_TYPES and cls is not None:
        return bool(getattr(getattr(cls, name, None), '__isabstractmethod__', False))
    return False


class _abc_data:
    # what CPython keeps in a class's _abc_impl: the registry and the two caches
    def __init__(self):
        self.registry = []
        self.cache = set()
        self.negative_cache = set()
        self.negative_cache_version = ABCMeta._abc_invalidation_counter
        self.subclasses = []  # stands for type.__subclasses__()


def get_cache_token():
    return ABCMeta._abc_invalidation_counter


class ABCMeta(type):
    # bumped by every register(): a negative cache older than this is stale
    _abc_invalidation_counter = 0

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        # names abstract here, then names abstract in a base and not overridden since
        abstracts = set()
        for key, value in namespace.items():
            if _is_abstract(value, cls, key):
                abstracts.add(key)
        for base in bases:
            for key in getattr(base, '__abstractmethods__', ()):
                value = getattr(cls, key, None)
                if value is not None and _is_abstract(value):
                    abstracts.add(key)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_impl = _abc_data()
        for base in bases:
            if isinstance(base, ABCMeta):
                base._abc_impl.subclasses.append(cls)
        return cls

    def register(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if issubclass(subclass, cls):
            return subclass  # already a subclass
        # after the check above, so X.register(X) is a no-op rather than a cycle
        if issubclass(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_impl.registry.append(subclass)
        ABCMeta._abc_invalidation_counter += 1  # the negative caches are stale now
        return subclass

    def __instancecheck__(cls, instance):
        impl = cls._abc_impl
        subclass = instance.__class__
        if subclass in impl.cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            if (impl.negative_cache_version == ABCMeta._abc_invalidation_counter
                    and subclass in impl.negative_cache):
                return False
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        impl = cls._abc_impl
        if subclass in impl.cache:
            return True
        if impl.negative_cache_version < ABCMeta._abc_invalidation_counter:
            impl.negative_cache = set()
            impl.negative_cache_version = ABCMeta._abc_invalidation_counter
        elif subclass in impl.negative_cache:
            return False
        hook = getattr(cls, '__subclasshook__', None)
        ok = NotImplemented if hook is None else hook(subclass)
        if ok is True:
            impl.cache.add(subclass)
            return True
        if ok is False:
            impl.negative_cache.add(subclass)
            return False
        if ok is not NotImplemented:
            raise AssertionError('__subclasshook__ must return either False, True, '
                                 'or NotImplemented')
        for klass in getattr(subclass, '__mro__', ()):
            if klass is cls:
                impl.cache.add(subclass)
                return True
        for rcls in impl.registry:
            if issubclass(subclass, rcls):
                impl.cache.add(subclass)
                return True
        for scls in impl.subclasses:
            if issubclass(subclass, scls):
                impl.cache.add(subclass)
                return True
        impl.negative_cache.add(subclass)
        return False

    def _abc_registry_clear(cls):
        cls._abc_impl.registry = []

    def _abc_caches_clear(cls):
        cls._abc_impl.cache = set()
        cls._abc_impl.negative_cache = set()


def update_abstractmethods(cls):
    # for class decorators that add or replace methods after the class was made
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            value = getattr(cls, name, None)
            if value is not None and _is_abstract(value):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value, cls, name):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    __slots__ = ()
