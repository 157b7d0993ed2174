"""Uploads through the admin are bounded; private documents are served only to those allowed."""

import importlib
import struct
import zlib

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import clear_url_caches
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction

import portal.urls


def png_chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def decompression_bomb(width=8000, height=8000):
    """A valid RGBA PNG of a few hundred KB that decodes to width x height x 4 bytes."""
    compressor = zlib.compressobj(9)
    row = bytes(1 + 4 * width)  # filter byte, then transparent black pixels
    pixels = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def upload_image(client, name, content):
    return client.post(
        "/admin/images/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type="image/png"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def form_errors(response):
    return response.context["form"].errors


def test_an_image_within_the_limits_is_accepted(admin_client, media):
    response = upload_image(admin_client, "small.png", get_test_image_file().file.getvalue())
    assert response.status_code == 302
    assert Image.objects.filter(title="small.png").exists()


def test_an_oversized_image_is_refused(admin_client, media, settings):
    content = get_test_image_file(size=(1000, 1000)).file.getvalue()
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = len(content) - 1
    response = upload_image(admin_client, "big.png", content)
    assert response.status_code == 200
    assert "This file is too big" in str(form_errors(response)["file"])
    assert not Image.objects.exists()


def test_a_decompression_bomb_is_refused_before_it_is_decoded(admin_client, media, settings):
    bomb = decompression_bomb()
    # Small enough to pass the size limit: only its pixel count gives it away.
    assert len(bomb) < settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE
    assert settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS < 8000 * 8000
    response = upload_image(admin_client, "bomb.png", bomb)
    assert response.status_code == 200
    assert "too many pixels" in str(form_errors(response)["file"])
    # No image row, so no rendition of it can ever be decoded.
    assert not Image.objects.exists()
    assert not list(media.rglob("bomb*"))


def upload_document(client, name, content):
    return client.post(
        "/admin/documents/add/",
        {
            "title": name,
            "file": SimpleUploadedFile(name, content, content_type="application/pdf"),
            "collection": Collection.get_first_root_node().pk,
        },
    )


def test_an_oversized_document_is_refused(admin_client, media, settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    assert upload_document(admin_client, "leaflet.pdf", b"%PDF-" + bytes(1000)).status_code == 302
    response = upload_document(admin_client, "atlas.pdf", b"%PDF-" + bytes(2000))
    assert response.status_code == 200
    assert "This file is too big" in str(form_errors(response)["file"])
    assert list(Document.objects.values_list("title", flat=True)) == ["leaflet.pdf"]


# Documents in a private collection: checked on every download, by Wagtail's serve view.

SECRET_TEXT = b"Clinic-only protocol"


@pytest.fixture
def clinic_group(db):
    return Group.objects.create(name="Rheumatology clinic")


@pytest.fixture
def private_document(media, clinic_group):
    collection = Collection.get_first_root_node().add_child(name="Rheumatology clinic only")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(clinic_group)
    return Document.objects.create(
        title="Protocol",
        collection=collection,
        file=ContentFile(SECRET_TEXT, name="protocol.txt"),
    )


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def test_a_private_document_is_refused_to_a_patient_outside_its_groups(
    patient_client, private_document
):
    response = patient_client.get(private_document.url)
    assert response.status_code == 404
    assert SECRET_TEXT not in body(response)


def test_a_private_document_is_served_to_a_member_of_its_groups(
    patient, patient_client, private_document, clinic_group
):
    patient.groups.add(clinic_group)
    response = patient_client.get(private_document.url)
    assert response.status_code == 200
    assert body(response) == SECRET_TEXT


def test_a_private_document_asks_the_anonymous_to_sign_in(client, private_document):
    response = client.get(private_document.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


@pytest.fixture
def dev_urls(settings, media):
    """portal.urls as `manage.py runserver` loads it in development (DEBUG on)."""
    settings.DEBUG = True
    importlib.reload(portal.urls)
    clear_url_caches()
    yield
    settings.DEBUG = False
    importlib.reload(portal.urls)
    clear_url_caches()


def test_development_serves_images_but_never_document_files(
    dev_urls, patient_client, private_document, media
):
    image = Image.objects.create(title="Back", file=get_test_image_file())
    assert patient_client.get(f"/media/{image.file.name}").status_code == 200
    response = patient_client.get(f"/media/{private_document.file.name}")
    assert response.status_code == 404
    assert SECRET_TEXT not in body(response)


def test_production_serves_no_media_files(patient_client, private_document):
    response = Client().get(f"/media/{private_document.file.name}")
    assert SECRET_TEXT not in body(response)
    assert patient_client.get(f"/media/{private_document.file.name}").status_code == 404
