def test_article_page_renders_its_blocks(patient_client, make_condition, make_article):
    lupus = make_condition("lupus", "Lupus")
    article = make_article(
        body=[
            {"type": "heading", "value": {"text": "What lupus is", "level": "h2"}},
            {
                "type": "condition_list",
                "value": {"heading": "Related", "items": [{"condition": lupus.pk, "note": "Ok."}]},
            },
        ],
        conditions=[lupus],
    )
    response = patient_client.get(article.url)
    assert response.status_code == 200
    assert b"What lupus is" in response.content
    assert b'href="/conditions/lupus/"' in response.content
