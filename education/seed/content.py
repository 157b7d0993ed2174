"""The portal's first content, from the seed article on myofascial pain and autoimmune disease.

Every fact comes from that article; the words are our own, in plain language (US grade 8
or below). The article body is in Wagtail's raw StreamField form. Conditions are named by
slug (`ConditionRef`) because their primary keys differ from one database to the next:
the loader turns each reference into a key once the conditions exist.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class ConditionRef:
    slug: str


MPS = ConditionRef("myofascial-pain-syndrome")
FIBROMYALGIA = ConditionRef("fibromyalgia")
RHEUMATOID_ARTHRITIS = ConditionRef("rheumatoid-arthritis")
LUPUS = ConditionRef("lupus")
SJOGRENS = ConditionRef("sjogrens-syndrome")
AUTOIMMUNE = [RHEUMATOID_ARTHRITIS, LUPUS, SJOGRENS]
ALL_CONDITIONS = [MPS, FIBROMYALGIA, *AUTOIMMUNE]

WEBMD_MPS_URL = "https://www.webmd.com/pain-management/guide/myofascial-pain-syndrome"
NIAMS_URL = "https://www.niams.nih.gov/"
MAYO_CLINIC_URL = "https://www.mayoclinic.org/diseases-conditions"
NIAMS = "National Institute of Arthritis and Musculoskeletal and Skin Diseases"

WEBMD_MPS = {"title": "Myofascial pain syndrome", "url": WEBMD_MPS_URL, "publisher": "WebMD"}


def icd10(code, display):
    return {"system": "ICD-10-CM", "code": code, "display": display}


def autoimmune_condition(ref, name, code, *, niams_topic, mayo_clinic_page, other_names=""):
    """Rheumatoid arthritis, lupus and Sjögren's: the seed says the same about all three."""
    return {
        "slug": ref.slug,
        "name": name,
        "other_names": other_names,
        "category": "autoimmune",
        "is_autoimmune": True,
        "summary": (
            f"{name} is an autoimmune disease. The immune system attacks the body's own "
            "tissue. This can cause swelling and soreness in many parts of the body."
        ),
        "overview": (
            "<p>The immune system is the body's defense against germs. In an autoimmune "
            "disease, it does not work the way it should. It attacks the body's own healthy "
            "tissue instead.</p>"
            f"<p>{name} can cause inflammation in many parts of the body. Inflammation means "
            "parts of the body get swollen, irritated, and sore. It can also harm connective "
            "tissue. This is the tissue that holds the parts of the body together.</p>"
        ),
        "nature": (
            "An autoimmune disease. It can cause inflammation all over the body or harm "
            "connective tissue."
        ),
        "typical_causes": (
            "An immune system that does not work the right way. The same genes, or things in "
            "the world around us, may play a part in both autoimmune diseases and long-lasting "
            "pain."
        ),
        "relation_to_mps": (
            f"{name} does not directly cause myofascial pain syndrome (MPS). But the two "
            "can happen together. The disease may add to muscle soreness all over the body. "
            "That soreness can show up as myofascial pain. Inflammation that goes on for a long "
            "time can make the nerves that carry pain more sensitive. It can also make muscles "
            "stiffer or more sore."
        ),
        "codes": [code],
        "related_links": [
            {
                "related": MPS,
                "note": (
                    "Inflammation from this disease can add to muscle soreness "
                    "that shows up as myofascial pain."
                ),
            }
        ],
        "resources": [
            {
                "title": name,
                "url": f"{NIAMS_URL}health-topics/{niams_topic}",
                "publisher": NIAMS,
            },
            {
                "title": name,
                "url": f"{MAYO_CLINIC_URL}/{mayo_clinic_page}",
                "publisher": "Mayo Clinic",
            },
        ],
    }


CONDITIONS = [
    {
        "slug": MPS.slug,
        "name": "Myofascial pain syndrome",
        "other_names": "MPS, myofascial pain",
        "category": "musculoskeletal-pain",
        "is_autoimmune": False,
        "summary": (
            "Myofascial pain syndrome (MPS) is muscle pain that lasts a long time. "
            "It comes from sore, tight spots in the muscles called trigger points."
        ),
        "overview": (
            "<p>Myofascial pain syndrome is a kind of chronic pain. Chronic means it lasts a "
            "long time. Some spots in a muscle are tender and hurt. These spots are called "
            "trigger points.</p>"
            "<p>MPS is <b>not</b> an autoimmune disease, and no autoimmune disease "
            "directly causes it. But some people have MPS and an autoimmune disease at the same "
            "time. That can make it harder to find the cause of the pain and to treat it.</p>"
        ),
        "nature": (
            "A trigger point is a very touchy spot in a tight band of muscle. It can hurt right "
            "where it is. It can also send pain to other parts of the body. This is called "
            "referred pain. MPS is a problem of the muscles. The immune system is not "
            "attacking the body."
        ),
        "typical_causes": (
            "Using a muscle too much, or hurting it. Poor posture and emotional stress can also "
            "lead to it."
        ),
        "relation_to_mps": "",
        "codes": [icd10("M79.18", "Myalgia, other site")],
        "related_links": [
            {"related": FIBROMYALGIA, "note": "Myofascial pain is a common part of fibromyalgia."},
            *(
                {
                    "related": ref,
                    "note": (
                        "Its inflammation can add to muscle soreness "
                        "that shows up as myofascial pain."
                    ),
                }
                for ref in AUTOIMMUNE
            ),
        ],
        "resources": [WEBMD_MPS],
    },
    {
        "slug": FIBROMYALGIA.slug,
        "name": "Fibromyalgia",
        "other_names": "",
        "category": "widespread-pain",
        # The seed calls it "not strictly" autoimmune.
        "is_autoimmune": False,
        "summary": (
            "Fibromyalgia causes pain all over the body that lasts a long time. People with it "
            "often feel very tired, sleep badly, and have trouble thinking."
        ),
        "overview": (
            "<p>Fibromyalgia is a chronic pain condition. Chronic means it lasts a long time. "
            "The pain is spread across the body, not in one spot.</p>"
            "<p>It is not strictly an autoimmune disease. Still, doctors often talk about it "
            "along with diseases in which the immune system does not work as it should.</p>"
        ),
        "nature": (
            "Pain all over the body, often with tiredness, sleep problems, and trouble "
            "thinking clearly. The nervous system can become too sensitive to pain signals. "
            "Doctors call this central sensitization."
        ),
        "typical_causes": (
            "Genes, or things in the world around us, may play a part in long-lasting pain "
            "like this."
        ),
        "relation_to_mps": (
            "Myofascial pain is a common part of fibromyalgia. When the nervous system is too "
            "sensitive to pain, a person may be more likely to feel myofascial pain."
        ),
        "codes": [icd10("M79.7", "Fibromyalgia")],
        "related_links": [
            {"related": MPS, "note": "Myofascial pain is a common part of fibromyalgia."},
        ],
        "resources": [],
    },
    autoimmune_condition(
        RHEUMATOID_ARTHRITIS,
        "Rheumatoid arthritis",
        icd10("M06.9", "Rheumatoid arthritis, unspecified"),
        niams_topic="rheumatoid-arthritis",
        mayo_clinic_page="rheumatoid-arthritis/symptoms-causes/syc-20353648",
    ),
    autoimmune_condition(
        LUPUS,
        "Lupus",
        icd10("M32.9", "Systemic lupus erythematosus, unspecified"),
        niams_topic="lupus",
        mayo_clinic_page="lupus/symptoms-causes/syc-20365789",
    ),
    autoimmune_condition(
        SJOGRENS,
        "Sjögren's syndrome",
        icd10("M35.00", "Sjögren syndrome, unspecified"),
        niams_topic="sjogrens-disease",
        mayo_clinic_page="sjogrens-syndrome/symptoms-causes/syc-20353216",
        # The seed's spelling, which patients may type when they search.
        other_names="Sjogren's syndrome",
    ),
]


HOME = {
    "title": "Patient education",
    "slug": "patient-education",
    "intro": "<p>Clear, simple facts about health conditions and how they are treated.</p>",
}

HUB = {
    "title": "Autoimmune conditions and muscle pain",
    "slug": "autoimmune-conditions-and-muscle-pain",
    "intro": (
        "<p>Learn how muscle pain and autoimmune diseases differ, "
        "and why they can happen together.</p>"
    ),
}


def heading(text):
    return {"type": "heading", "value": {"text": text, "level": "h2"}}


def paragraph(html):
    return {"type": "paragraph", "value": html}


def treatment(name, category, description, conditions):
    return {
        "name": name,
        "category": category,
        "description": description,
        "conditions": list(conditions),
    }


ARTICLE = {
    "title": "Does an autoimmune disease cause myofascial pain?",
    "slug": "does-an-autoimmune-disease-cause-myofascial-pain",
    "summary": (
        "Myofascial pain syndrome is not an autoimmune disease, and no autoimmune disease "
        "directly causes it. But the two can happen together. Learn how they differ, why "
        "they overlap, and how each is treated."
    ),
    "conditions": ALL_CONDITIONS,
    "body": [
        heading("What is myofascial pain syndrome?"),
        paragraph(
            "<p>Myofascial pain syndrome (MPS) is muscle pain that lasts a long time. The word "
            "“myofascial” means the muscles and the thin tissue around them. People with MPS "
            "have tender, painful spots in their muscles. These are called "
            "<b>trigger points</b>.</p>"
        ),
        paragraph(
            "<p>A trigger point is a very touchy spot in a tight band of muscle. It can hurt "
            "right where it is. It can also send pain to another part of the body. This is "
            "called referred pain.</p>"
        ),
        paragraph(
            "<p>MPS is a problem with the muscles. It often comes from using a muscle too "
            "much or from an injury. Poor posture or emotional stress can also cause it. In "
            "MPS, the body's immune system is not attacking its own tissue.</p>"
        ),
        heading("Is MPS an autoimmune disease?"),
        paragraph(
            "<p>No. The immune system is the body's defense against germs. In an autoimmune "
            "disease, it attacks the body's own healthy tissue. It does this in diseases like "
            "rheumatoid arthritis and lupus. In MPS, your immune system is not attacking "
            "your muscles in this way.</p>"
        ),
        paragraph(
            "<p>So no autoimmune disease directly causes MPS. Still, some people with an "
            "autoimmune disease also have myofascial pain. One may not cause the other, but "
            "they often happen together. Having both can make it harder for doctors to find "
            "out what is wrong and how to treat it.</p>"
        ),
        {
            "type": "comparison_table",
            "value": {
                "caption": "How MPS and autoimmune conditions differ",
                "corner_heading": "Feature",
                "columns": ["Myofascial pain syndrome (MPS)", "Autoimmune conditions"],
                "rows": [
                    {
                        "heading": "Nature",
                        "cells": [
                            "Pain in the muscles, from trigger points in certain spots",
                            "The immune system attacks the body's own tissue",
                        ],
                    },
                    {
                        "heading": "Primary cause",
                        "cells": [
                            "Using a muscle too much, an injury, or stress",
                            "An immune system that does not work the right way",
                        ],
                    },
                    {
                        "heading": "Autoimmune classification",
                        "cells": ["Not an autoimmune disease", "Autoimmune diseases"],
                    },
                    {
                        "heading": "Relationship",
                        "cells": [
                            "Can happen along with other conditions",
                            "Can lead to inflammation and pain all over the body",
                        ],
                    },
                ],
            },
        },
        paragraph(
            "<p>Some conditions cause pain that includes myofascial pain or looks like it. "
            "Some may also make a person more likely to get MPS. Many of them cause "
            "<b>inflammation</b>. This means parts of the body get swollen, irritated, and "
            "sore. Some harm <b>connective tissue</b>, the tissue that holds the parts of the "
            "body together.</p>"
        ),
        {
            "type": "condition_list",
            "value": {
                "heading": "Conditions that can happen with MPS",
                "items": [
                    {
                        "condition": FIBROMYALGIA,
                        "note": (
                            "Pain all over the body that lasts a long time. People with it "
                            "often feel very tired, sleep badly, and have trouble thinking. It "
                            "is not strictly an autoimmune disease. But doctors often talk about "
                            "it along with diseases in which the immune system does not work "
                            "right. Myofascial pain is a common part of it."
                        ),
                    },
                    *(
                        {
                            "condition": ref,
                            "note": (
                                "An autoimmune disease that can cause inflammation all over the "
                                "body or harm connective tissue. It may add to muscle soreness "
                                "that shows up as myofascial pain. Inflammation that lasts can "
                                "make the nerves that carry pain more sensitive. It can also "
                                "make muscles stiffer or more sore."
                            ),
                        }
                        for ref in AUTOIMMUNE
                    ),
                ],
            },
        },
        {
            "type": "key_points",
            "value": {
                "heading": "Why they happen together",
                "intro": (
                    "Experts do not fully understand why MPS and autoimmune conditions "
                    "overlap. These may be some of the reasons."
                ),
                "points": [
                    {
                        "title": "Chronic inflammation",
                        "text": (
                            "Inflammation from an autoimmune disease can go on for a long time. "
                            "This can make you feel pain more, and keep muscles from working "
                            "well."
                        ),
                    },
                    {
                        "title": "Central sensitization",
                        "text": (
                            "This means the nervous system becomes too sensitive to pain "
                            "signals. It happens in many long-lasting pain problems, like "
                            "fibromyalgia. It may happen in some autoimmune diseases too. It "
                            "can make a person more likely to feel myofascial pain."
                        ),
                    },
                    {
                        "title": "Shared causes",
                        "text": (
                            "The same genes, or things in the world around us, may play a part "
                            "in both autoimmune diseases and long-lasting pain."
                        ),
                    },
                ],
            },
        },
        heading("Getting the right diagnosis"),
        {
            "type": "callout",
            "value": {
                "kind": "see-a-clinician",
                "text": (
                    "<p>If you have myofascial pain, ask your doctor for a full checkup. This "
                    "matters most if you also have other symptoms across your whole body. The "
                    "checkup can show if you also have an autoimmune disease.</p>"
                    "<p>Getting the right diagnosis matters. Pain from MPS alone is not the same "
                    "as pain caused by an autoimmune disease. Knowing which one you have helps "
                    "your care team choose the right treatment.</p>"
                ),
            },
        },
        {
            "type": "treatment_plan",
            "value": {
                "heading": "How MPS and autoimmune conditions are treated",
                "intro": "Treatment often mixes care for both kinds of conditions.",
                "groups": [
                    {
                        "title": "For myofascial pain",
                        "conditions": [MPS],
                        "treatments": [
                            treatment(
                                "Physical therapy",
                                "physical-therapy",
                                "A therapist works on your muscles with their hands. One way is "
                                "to press on trigger points to help them let go. This is called "
                                "trigger point release.",
                                [MPS],
                            ),
                            treatment(
                                "Stretching and strengthening exercises",
                                "exercise",
                                "Exercises that stretch tight muscles and make them stronger.",
                                [MPS],
                            ),
                            treatment(
                                "Acupuncture or dry needling",
                                "complementary",
                                "Treatments that use very thin needles.",
                                [MPS],
                            ),
                            treatment(
                                "Pain relief creams or muscle relaxants",
                                "medicine",
                                "Creams or gels you rub on the skin to ease pain. Or medicines "
                                "that help tight muscles relax.",
                                [MPS],
                            ),
                            treatment(
                                "Stress management",
                                "mental-health",
                                "Ways to handle stress and lower it.",
                                [MPS],
                            ),
                        ],
                    },
                    {
                        "title": "For autoimmune conditions",
                        "conditions": AUTOIMMUNE,
                        "treatments": [
                            treatment(
                                "DMARDs or biologics",
                                "medicine",
                                "Medicines that work on the autoimmune disease itself. Which "
                                "one you get depends on your disease. DMARD is short for "
                                "disease-modifying antirheumatic drug.",
                                AUTOIMMUNE,
                            ),
                            treatment(
                                "Anti-inflammatory medicines",
                                "medicine",
                                "Medicines that calm inflammation.",
                                AUTOIMMUNE,
                            ),
                            treatment(
                                "Corticosteroids",
                                "medicine",
                                "A kind of steroid medicine. It is one way doctors treat "
                                "autoimmune diseases.",
                                AUTOIMMUNE,
                            ),
                            treatment(
                                "Immunosuppressants",
                                "medicine",
                                "Medicines that calm down the immune system.",
                                AUTOIMMUNE,
                            ),
                        ],
                    },
                    {
                        "title": "Whole-person care",
                        "conditions": [MPS, *AUTOIMMUNE],
                        "treatments": [
                            treatment(
                                "Better sleep",
                                "self-care",
                                "Good sleep can make a big difference for both kinds of "
                                "conditions.",
                                [MPS, *AUTOIMMUNE],
                            ),
                            treatment(
                                "Good nutrition",
                                "self-care",
                                "Eating well can also help a lot with both.",
                                [MPS, *AUTOIMMUNE],
                            ),
                            treatment(
                                "Mental health care",
                                "mental-health",
                                "Caring for your mind and mood matters too. It can help a lot "
                                "with both kinds of conditions.",
                                [MPS, *AUTOIMMUNE],
                            ),
                        ],
                    },
                ],
            },
        },
        {
            "type": "resource_links",
            "value": {
                "heading": "Where to learn more",
                "links": [
                    {**WEBMD_MPS, "description": "More about MPS."},
                    {
                        "title": "NIAMS health topics",
                        "url": NIAMS_URL,
                        "publisher": NIAMS,
                        "description": "Facts about many autoimmune diseases.",
                    },
                    {
                        "title": "Diseases and conditions",
                        "url": MAYO_CLINIC_URL,
                        "publisher": "Mayo Clinic",
                        "description": "Facts about many autoimmune diseases.",
                    },
                ],
            },
        },
    ],
}
