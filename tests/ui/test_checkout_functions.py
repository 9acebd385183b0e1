"""Every checkout function is carried out by exactly one side (the cart's actions or the main window),
and a function that is not one is refused loudly instead of doing nothing."""

from __future__ import annotations

import pytest

from pos.ui.checkout_functions import FUNCTION_BUTTONS, Function
from pos.ui.main_window import MainWindow


def test_every_function_has_exactly_one_handler(window: MainWindow) -> None:
    cart_side = set(window.actions_.handlers)
    window_side = set(window.window_functions())
    assert not cart_side & window_side
    assert cart_side | window_side == set(Function)


def test_every_button_but_pay_is_a_function_and_pay_has_its_own() -> None:
    assert {function for function, _label, _key in FUNCTION_BUTTONS} == set(Function) - {Function.PAY}


def test_a_misspelt_function_is_refused() -> None:
    with pytest.raises(ValueError):
        Function("serach")
