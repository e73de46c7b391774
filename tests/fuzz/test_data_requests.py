"""The admin form of data subjects' requests with arbitrary values: never a server error, and nothing
of another address is ever exported or erased."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from materials.models import Order
from tests.support.personal_data import make_feedback, make_order

GARBAGE = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        ["", " ", "@", "a@b", "erika@example", "%", "_", "*@*", "' OR 1=1 --", "x" * 300 + "@e.org"]
    ),
    st.emails().map(str),
)
ACTIONS = st.one_of(st.sampled_from(["find", "json", "csv", "erase", ""]), st.text(max_size=20))


@pytest.mark.django_db
def test_data_request_with_arbitrary_values(django_user_model):
    user = django_user_model.objects.create_user("datenschutz", "ds@example.org", "x" * 12)
    user.groups.add(Group.objects.get(name="Datenschutz"))
    client = Client(raise_request_exception=False)
    client.force_login(user)
    make_order("erika@example.org")
    make_feedback("erika@example.org")
    url = reverse("legal_data_request")

    @given(email=GARBAGE, action=ACTIONS, confirm=st.sampled_from(["", "on", "1", "nein"]))
    def check(email, action, confirm):
        response = client.post(url, {"email": email, "action": action, "confirm": confirm})
        assert response.status_code in {200, 302}, (email, action, response.status_code)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            assert (
                "erika@example.org" not in response.content.decode() or email.lower() == "erika@example.org"
            )
        assert Order.objects.filter(email="erika@example.org").exists()

    check()
