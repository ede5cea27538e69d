"""The release a reader sees is named by its fingerprint, and the footer leads to what changed."""

from klyngekart.data import load_dataset


def test_footer_shows_the_fingerprint_and_links_to_what_changed(visit):
    fingerprint = load_dataset().release.fingerprint[:12]
    visit.open("/?lang=en")
    assert visit.page.get_by_text(fingerprint).count() >= 1
    visit.page.get_by_role("link", name="What changed between releases").click()
    visit.page.wait_for_url("**/endringer**", timeout=30_000)
    visit.settle()
    assert visit.page.locator("h1").first.inner_text().strip() == "What changed"
    assert visit.page.get_by_text("Release 2026.11.1 (2026-11-23)").count() == 1
    assert visit.page.get_by_text(fingerprint).count() >= 1
