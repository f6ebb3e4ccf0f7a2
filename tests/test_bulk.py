"""The collector pause around bulk work comes back on, whatever happens inside."""

import gc

from cjm_designer.bulk import collector_paused


def test_the_collector_is_paused_inside_and_back_on_after():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the inner block leaves it to the outer one
    assert gc.isenabled()


def test_the_collector_comes_back_after_an_error():
    try:
        with collector_paused():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()


def test_the_program_collects_the_young_generation_less_often():
    from cjm_designer.bulk import YOUNG_LIMIT

    assert gc.get_threshold()[0] == YOUNG_LIMIT  # set on import, for the window and the command line alike
