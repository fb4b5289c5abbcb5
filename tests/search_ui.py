"""The search dialog driven as a reader drives it (shared by the online and the offline browser tests)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Result:
    href: str
    kind: str
    text: str


class SearchDialog:
    def __init__(self, page) -> None:
        self.page = page

    def open_with_keyboard(self) -> None:
        self.page.locator("body").press("/")
        self.page.locator("dialog.es-dialog[open] input.es-input").wait_for(timeout=5_000)

    def search(self, query: str) -> list[Result]:
        """Open the dialog (header button), type the query; the results once shown for this query."""
        if not self.page.locator("dialog.es-dialog[open]").count():
            self.page.locator("button.es-open").click()
        box = self.page.locator("input.es-input")
        box.fill(query)
        self.page.wait_for_function(
            "q => document.querySelector('.es-results').dataset.query === q", arg=query, timeout=15_000
        )
        links = self.page.locator("a.es-result")
        return [
            Result(
                links.nth(i).get_attribute("href") or "",
                (links.nth(i).get_attribute("class") or "").split("es-kind-")[-1],
                links.nth(i).inner_text(),
            )
            for i in range(links.count())
        ]

    def marks(self, position: int) -> list[str]:
        """The highlighted words of one result."""
        return self.page.locator("a.es-result").nth(position).locator("mark").all_inner_texts()
