"""Derived conversions in an extension module (tests/ext/src/test_derives.rs): `rename_all`
keys, generic and borrowing items, `into_py_with`, and the error of an enum no variant of which
matched, with each variant's whole chain of causes."""

import pytest

ext = pytest.importorskip("pyroxide_ext")
m = ext.derives


def test_uppercase_keys_keep_underscores_and_into_py_with_negates():
    by_ref, by_value = m.rt_upper(
        {"FIRST_FIELD": "a", "THIRD_FIELD": 1}, {"FIRST_FIELD": 2, "SECOND_FIELD": 3, "THIRD_FIELD": 4}
    )
    assert by_ref == {"FIRST_FIELD": "a", "SECOND_FIELD": None, "THIRD_FIELD": -1}
    assert by_value == {"FIRST_FIELD": 2, "SECOND_FIELD": 3, "THIRD_FIELD": -4}


def test_enum_variants_are_tried_in_order():
    assert m.rt_either(5) == 5
    assert m.rt_either("s") == "s"
    assert m.rt_nested(1) == 1
    assert m.rt_nested((1, "x")) == (1, "x")


def error_of(f, *args):
    """`Type: message` of what `f(*args)` raises."""
    with pytest.raises(Exception) as info:
        f(*args)
    return f"{type(info.value).__qualname__}: {info.value}"


def test_enum_error_lists_every_variant_with_its_causes():
    with pytest.raises(TypeError) as info:
        m.rt_either(1.5)
    assert str(info.value) == (
        "failed to extract enum Either ('Int | Str')\n"
        "- variant Int (Int): TypeError: failed to extract field Either::Int.0, caused by "
        + m.error_text(1.5, "i64")
        + "\n- variant Str (Str): TypeError: failed to extract field Either::Str.0, caused by "
        + m.error_text(1.5, "str")
    )


def test_nested_enum_errors_are_inlined():
    with pytest.raises(TypeError) as info:
        m.rt_nested(1.5)
    inner = error_of(m.rt_either, 1.5)
    message = str(info.value)
    assert message.startswith("failed to extract enum Nested ('One | Pair')\n"), message
    assert (
        "- variant One (One): TypeError: failed to extract field Nested::One.0, caused by " + inner
    ) in message
    assert "\n- variant Pair (Pair): TypeError: " in message


def test_a_struct_with_a_lifetime_keeps_the_object():
    obj = object()
    assert m.borrowed_obj({"obj": obj}) is obj
