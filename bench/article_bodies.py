"""What a generated article says: plain-language words, and bodies using every block type.

Pure data, no database: `make_body` builds a StreamField body in Wagtail's raw form from a
seeded `random.Random`, so the same seed gives the same words on every run (only the
blocks' ids are new each time). The body uses every block type in `education/blocks.py`
(heading, paragraph with external and one internal page link, figure, callout, key
points, comparison table, condition list, treatment, treatment plan, resource links),
with words, sizes and order varied per article.
"""

import uuid

# Words to build articles from: plain language, as in the seed content.
TOPICS = [
    ("Sleeping well", "sleep"),
    ("Staying active", "activity"),
    ("Working at a desk", "work"),
    ("Travelling", "travel"),
    ("Eating well", "food"),
    ("Managing stress", "stress"),
    ("Talking to your care team", "care team"),
    ("Starting a new medicine", "medicine"),
    ("Exercising safely", "exercise"),
    ("Coping with flares", "flares"),
    ("Looking after your joints", "joints"),
    ("Going back to work", "work"),
    ("Planning your day", "energy"),
    ("Feeling low", "mood"),
    ("Living with tiredness", "tiredness"),
]
ANGLES = ["what to know", "a guide for patients", "questions and answers", "first steps", "tips"]
SENTENCES = [
    "Many people with long-lasting pain find that small changes add up over time.",
    "Your care team can help you choose what to try first.",
    "It is normal for symptoms to change from day to day.",
    "Try to notice what makes your pain better or worse, and write it down.",
    "Gentle movement often helps stiff muscles feel looser.",
    "Rest is important, but too much rest can make muscles weaker.",
    "Some people feel better when they keep a regular sleep routine.",
    "Stress can make pain feel stronger, so ways to relax can help.",
    "Tell your doctor about any new or unusual symptoms.",
    "A physical therapist can show you safe ways to stretch.",
    "Medicines work best when you take them the way your doctor tells you.",
    "Do not stop a medicine on your own without talking to your care team.",
    "Heat packs can ease tight muscles for a short time.",
    "Eating a range of healthy foods gives your body what it needs.",
    "Pacing means you spread tasks across the day so you do not get too tired.",
    "Friends and family can help more when they know what you are going through.",
    "Keep a list of your questions to bring to your next visit.",
    "Short walks are a good way to start being more active.",
    "Drinking enough water helps your whole body work well.",
    "If a treatment does not help after a few weeks, ask about other options.",
    "Some people find it helps to talk with others who have the same condition.",
    "Flares are times when symptoms get worse for a while.",
    "Sitting in one position for a long time can make muscles tight.",
    "Small breaks to move and stretch can make a big difference.",
]
LIST_ITEMS = [
    "Write down when the pain starts and how long it lasts.",
    "Note what you were doing before it started.",
    "Bring your list of medicines to every visit.",
    "Ask what side effects to watch for.",
    "Plan rest breaks before you get too tired.",
    "Keep a water bottle close by.",
]
FEATURES = ["Where it hurts", "How long it lasts", "What helps", "Who treats it", "Tests"]
TREATMENTS = [
    ("Gentle stretching", "exercise", "Slow stretches that help tight muscles relax."),
    ("Walking", "exercise", "Short, regular walks build strength and stamina."),
    ("Massage", "physical-therapy", "A therapist works on sore muscles with their hands."),
    ("Heat therapy", "self-care", "Warm packs or a warm bath to ease stiffness."),
    ("Pain relief medicine", "medicine", "Medicines that ease pain for a short time."),
    ("Anti-inflammatory medicines", "medicine", "Medicines that calm inflammation."),
    ("Talking therapy", "mental-health", "Talking with a trained counsellor about stress."),
    ("Relaxation exercises", "mental-health", "Breathing and relaxing to lower stress."),
    ("Acupuncture", "complementary", "A treatment that uses very thin needles."),
    ("Better sleep habits", "self-care", "Going to bed and getting up at the same times."),
]
PUBLISHERS = [
    ("MedlinePlus", "https://medlineplus.gov/"),
    ("NIAMS", "https://www.niams.nih.gov/"),
    ("Mayo Clinic", "https://www.mayoclinic.org/"),
    ("Arthritis Foundation", "https://www.arthritis.org/"),
    ("Lupus Foundation of America", "https://www.lupus.org/"),
]


def _id():
    return str(uuid.uuid4())


def _item(value):
    """A ListBlock item as Wagtail stores it today."""
    return {"type": "item", "value": value, "id": _id()}


def sentences(rng, low, high):
    return " ".join(rng.sample(SENTENCES, rng.randint(low, high)))


def _rich_paragraph(rng, link_page_id=None):
    words = sentences(rng, 3, 6)
    first, _, rest = words.partition(" ")
    html = f"<p><b>{first}</b> {rest}</p>"
    if link_page_id is not None:
        html += (
            f'<p>Read more in <a linktype="page" id="{link_page_id}">our article on this '
            "topic</a>.</p>"
        )
    if rng.random() < 0.4:
        publisher, url = rng.choice(PUBLISHERS)
        html += f'<p>{sentences(rng, 1, 2)} See <a href="{url}">{publisher}</a>.</p>'
    if rng.random() < 0.5:
        items = "".join(f"<li>{text}</li>" for text in rng.sample(LIST_ITEMS, 3))
        html += f"<ul>{items}</ul>"
    return html


def _treatment(rng, condition_ids):
    name, category, description = rng.choice(TREATMENTS)
    return {
        "name": name,
        "category": category,
        "description": description + " " + sentences(rng, 0, 2),
        "conditions": [_item(pk) for pk in rng.sample(condition_ids, rng.randint(1, 3))],
        "notes": sentences(rng, 0, 1),
    }


def make_body(rng, condition_ids, image_ids, link_page_id):
    """A body with every block type, in an order and with sizes that vary."""

    def block(kind, value):
        return {"type": kind, "value": value, "id": _id()}

    def heading(text, level="h2"):
        return block("heading", {"text": text, "level": level})

    columns = rng.sample(["At home", "At work", "With your doctor", "In a flare"], 2)
    body = [
        heading("What this means for you"),
        block("paragraph", _rich_paragraph(rng)),
        block("paragraph", _rich_paragraph(rng, link_page_id)),
        block(
            "figure",
            {
                "image": {
                    "image": rng.choice(image_ids),
                    "alt_text": "A person doing a gentle shoulder stretch",
                    "decorative": False,
                },
                "caption": rng.choice(["", "Stretch slowly and stop if it hurts."]),
            },
        ),
        block(
            "callout",
            {
                "kind": rng.choice(["information", "see-a-clinician", "warning"]),
                "text": f"<p>{sentences(rng, 2, 3)}</p>",
            },
        ),
        heading("Things to try", "h3"),
        block(
            "key_points",
            {
                "heading": "Key points",
                "intro": sentences(rng, 0, 1),
                "points": [
                    _item({"title": title, "text": sentences(rng, 1, 2)})
                    for title in rng.sample(["Move", "Rest", "Plan", "Ask", "Track"], 3)
                ],
            },
        ),
        block(
            "comparison_table",
            {
                "caption": "How the options compare",
                "corner_heading": "Feature",
                "columns": [_item(column) for column in columns],
                "rows": [
                    _item(
                        {
                            "heading": feature,
                            "cells": [_item(rng.choice(SENTENCES)[:120]) for _ in columns],
                        }
                    )
                    for feature in rng.sample(FEATURES, rng.randint(2, 4))
                ],
            },
        ),
        block(
            "condition_list",
            {
                "heading": "Conditions this applies to",
                "items": [
                    _item({"condition": pk, "note": sentences(rng, 1, 1)})
                    for pk in rng.sample(condition_ids, rng.randint(1, 3))
                ],
            },
        ),
        block("treatment", _treatment(rng, condition_ids)),
        block(
            "treatment_plan",
            {
                "heading": "A plan that combines treatments",
                "intro": sentences(rng, 0, 1),
                "groups": [
                    _item(
                        {
                            "title": title,
                            "conditions": [_item(pk) for pk in rng.sample(condition_ids, 1)],
                            "treatments": [
                                _item(_treatment(rng, condition_ids))
                                for _ in range(rng.randint(1, 3))
                            ],
                        }
                    )
                    for title in rng.sample(["For pain", "For sleep", "For mood"], 2)
                ],
            },
        ),
        block("paragraph", _rich_paragraph(rng)),
        block(
            "resource_links",
            {
                "heading": "Where to learn more",
                "links": [
                    _item(
                        {
                            "title": f"{publisher} health topics",
                            "url": url,
                            "publisher": publisher,
                            "description": "Trusted information for patients.",
                        }
                    )
                    for publisher, url in rng.sample(PUBLISHERS, rng.randint(1, 3))
                ],
            },
        ),
    ]
    # Longer articles have more sections.
    for _ in range(rng.randint(0, 4)):
        at = rng.randint(1, len(body) - 1)
        body[at:at] = [
            heading(rng.choice(SENTENCES)[:60].rstrip(".")),
            block("paragraph", _rich_paragraph(rng)),
        ]
    return body
