"""The `string_sum` example of PyO3 0.23's documentation, built by maturin against Pyroxide."""

import pytest

string_sum = pytest.importorskip("string_sum")


def test_sum_as_string():
    assert string_sum.sum_as_string(5, 20) == "25"
    assert string_sum.sum_as_string(a=1, b=2) == "3"


def test_metadata():
    import sys

    f = string_sum.sum_as_string
    assert f.__name__ == "sum_as_string"
    # Multi-phase initialisation (PEP 489) names the module after its import name: maturin
    # installs it as `string_sum.string_sum`, re-exported by the package `string_sum`.
    assert f.__module__ in ("string_sum", "string_sum.string_sum")
    assert sys.modules[f.__module__].sum_as_string is f
    assert f.__doc__ == "Formats the sum of two numbers as string."
    assert f.__text_signature__ == "(a, b)"
    assert string_sum.__doc__ == "A Python module implemented in Rust."
    assert string_sum.__all__ == ["sum_as_string"]


def test_bad_arguments_raise():
    with pytest.raises(TypeError, match=r"sum_as_string\(\) missing 1 required positional argument: 'b'"):
        string_sum.sum_as_string(1)
    with pytest.raises(TypeError) as info:
        string_sum.sum_as_string("1", 2)
    assert str(info.value) == "'str' object cannot be interpreted as an integer"
    assert info.value.__notes__ == ["while processing 'a'"]
    with pytest.raises(OverflowError) as info:
        string_sum.sum_as_string(-1, 2)
    assert info.value.__notes__ == ["while processing 'a'"]
    with pytest.raises(TypeError, match="takes 2 positional arguments but 3 were given"):
        string_sum.sum_as_string(1, 2, 3)
