"""A server process freezes what it holds after its first requests, so full garbage collections stay short."""

import gc

import config as settings
from app import GC_FREEZE_AFTER_REQUESTS, create_app


def test_a_server_freezes_what_it_holds_after_its_first_requests_only():
    config = settings.TestConfig()
    config.GC_FREEZE = True
    app = create_app(config)
    client = app.test_client()
    gc.unfreeze()
    try:
        frozen = []
        for _ in range(GC_FREEZE_AFTER_REQUESTS[1] + 1):
            assert client.get("/auth/login").status_code == 200
            frozen.append(gc.get_freeze_count())
            gc.unfreeze()  # each request's freeze seen on its own
        assert [n > 0 for n in frozen] == [i + 1 in GC_FREEZE_AFTER_REQUESTS for i in range(len(frozen))]
    finally:
        gc.unfreeze()


def test_production_freezes_and_the_test_suite_does_not():
    assert settings.Config().GC_FREEZE is True
    app = create_app(settings.TestConfig())
    gc.unfreeze()
    app.test_client().get("/auth/login")
    assert gc.get_freeze_count() == 0
