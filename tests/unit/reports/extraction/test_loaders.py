from pathlib import Path

import pytest

from dagster_project.reports.extraction.loaders import (
    LoadedText,
    load_text,
    register_loader,
    supported_suffixes,
)


def test_plain_text_utf8_and_gb18030(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_bytes("\ufeff智慧政务".encode())
    (tmp_path / "b.txt").write_bytes("智慧政务".encode("gb18030"))
    assert load_text(tmp_path / "a.txt").text == "智慧政务"
    assert load_text(tmp_path / "b.txt").text == "智慧政务"


def test_markdown_headings_on_own_lines_and_markup_dropped(tmp_path: Path) -> None:
    path = tmp_path / "r.md"
    path.write_text("# 报告标题\n\n## 1.1 小节\n\n**据** [IDC](http://x) 数据\n- 条目\n", "utf-8")
    loaded = load_text(path)
    assert loaded.title_hint == "报告标题"
    assert loaded.text.splitlines() == ["报告标题", "", "1.1 小节", "", "据 IDC 数据", "条目"]


def test_html_visible_text_blocks_and_wrapped_lines(tmp_path: Path) -> None:
    html = (
        "<html><head><title>报告&amp;标题</title><style>p{}</style></head><body>"
        "<h2>摘要</h2><p>近年来,智慧\n    政务发展</p><script>var a=1;</script>"
        "<table><tr><td>A</td><td>1</td></tr></table></body></html>"
    )
    path = tmp_path / "r.htm"
    path.write_text(html, "utf-8")
    loaded = load_text(path)
    assert loaded.title_hint == "报告&标题"
    lines = [line for line in loaded.text.splitlines() if line.strip()]
    assert lines[:2] == ["摘要", "近年来,智慧政务发展"]
    assert "var a" not in loaded.text


def test_unknown_suffix_and_registering_a_new_format(tmp_path: Path) -> None:
    path = tmp_path / "r.xyz"
    path.write_bytes(b"%XYZ")
    with pytest.raises(ValueError, match="no loader"):
        load_text(path)

    @register_loader(".xyz")
    def load_xyz(data: bytes) -> LoadedText:  # a stand-in for a future PDF loader
        return LoadedText(data.decode("ascii").lstrip("%"))

    assert ".xyz" in supported_suffixes()
    assert load_text(path).text == "XYZ"
