"""The five real plans' structure, counted by reading each source by hand (test_parser_structure, test_fidelity)."""

# (plan, {(kind, level, in_box): count}, {kind: count}, dropped) — from reading the texts:
# 000: 前言 + 第一章–第四章; 一、 per chapter 3+2+2+8; （一） 4+3 in ch.1 and 3 in ch.3, plus 1.–12. in ch.4.
# 001: 一、–五、; （一） 3+4+5+5+5; one 专栏 box holding 1.–6.; three [bookmark] debris.
# 002: 一、–六、; （一） 3+3+4+8+7+4; 1. 5+3 in part 1; 8+9 “--” list items.
# 003: the notice heading + 一、–四、; (一) 3+2+3+4; 1. 4+4 and 3+4+4; (1) 3+3+3+4.
# 004: 前言 + 一、–六、; （一） 4+3+4+3+5+8; 1. 15+9+15; 专栏 1 and 2, box 2 holding 1、 and 2、; 74 TOC lines.
EXPECTED = [
    (
        "guangdong-machinery-2005",
        {("heading", 1, False): 5, ("heading", 2, False): 15, ("heading", 3, False): 22},
        {"title": 1, "heading": 42, "paragraph": 61},
        0,
    ),
    (
        "guangdong-high-end-equipment-2021",
        {("heading", 1, False): 5, ("heading", 2, False): 22, ("box", 3, True): 1, ("heading", 4, True): 6},
        {"title": 3, "heading": 33, "box": 1, "paragraph": 31},
        3,
    ),
    (
        "shanxi-equipment-2011",
        {("heading", 1, False): 6, ("heading", 2, False): 29, ("heading", 3, False): 8},
        {"heading": 43, "paragraph": 35, "list_item": 17},
        0,
    ),
    (
        "henan-equipment-2017",
        {("heading", 1, False): 5, ("heading", 2, False): 12, ("heading", 3, False): 19, ("heading", 4, False): 13},
        {"title": 2, "heading": 49, "paragraph": 62},
        0,
    ),
    (
        "china-machinery-2021",
        {
            ("heading", 1, False): 7,
            ("heading", 2, False): 27,
            ("heading", 3, False): 39,
            ("box", 4, True): 2,
            ("heading", 5, True): 2,
        },
        {"title": 1, "heading": 75, "box": 2, "paragraph": 107},
        74,
    ),
]
