# sys's struct sequences (sys.version_info, sys.float_info, sys.int_info): tuples whose items
# are also read by name, shown as CPython shows them. Run on the first read of one of them
# (the sys module itself is native).


class _StructSeq(tuple):
    __slots__ = ()
    _fields = ()

    def __repr__(self):
        items = ', '.join('%s=%r' % (name, value) for name, value in zip(self._fields, self))
        return 'sys.%s(%s)' % (type(self).__name__, items)


def _struct_seq(name, fields, values):
    namespace = {'__module__': 'sys', '__slots__': (), '_fields': fields,
                 'n_fields': len(fields), 'n_sequence_fields': len(fields), 'n_unnamed_fields': 0}
    for index, field in enumerate(fields):
        namespace[field] = property(lambda self, index=index: self[index])
    return type(name, (_StructSeq,), namespace)(values)


version_info = _struct_seq('version_info', ('major', 'minor', 'micro', 'releaselevel', 'serial'),
                           (3, 11, 7, 'final', 0))
float_info = _struct_seq('float_info', ('max', 'max_exp', 'max_10_exp', 'min', 'min_exp',
                                        'min_10_exp', 'dig', 'mant_dig', 'epsilon', 'radix',
                                        'rounds'),
                         (1.7976931348623157e+308, 1024, 308, 2.2250738585072014e-308, -1021, -307,
                          15, 53, 2.220446049250313e-16, 2, 1))
int_info = _struct_seq('int_info', ('bits_per_digit', 'sizeof_digit', 'default_max_str_digits',
                                    'str_digits_check_threshold'), (30, 4, 4300, 640))
