"""Synthetic procurement intentions for the scale benchmark, written with DuckDB `COPY … TO`.

The CSV has the 9 columns of the real "customer view" sheet and the same quirks (sub-table
header rows, shifted continuation rows), so the real loader does its real work. Titles mix
the smart-government keywords of the segment rules with non-IT purchases, so the segment
classification does real work too. Every row is marked synthetic: buyers, titles and
descriptions start with 【合成】 and links are under https://synthetic.invalid/. Files are
written only below benchmarks/results/work/ (see `inbox_for`), never into a real home.

    python -m benchmarks.generate_notices 100000 OUT.csv [--seed 7]
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import duckdb

SQL = Path(__file__).with_suffix(".sql")
WORK_DIR = Path(__file__).resolve().parent / "results" / "work"
SYNTHETIC_MARK = "【合成】"
SYNTHETIC_URL_PREFIX = "https://synthetic.invalid/"
INBOX = ("ccgp_shandong", "intentions")

# Local branches of provincial units are named after a prefecture (济南分中心); the region of
# every notice is 山东省本级, as in the real customer view (provincial budget units only).
PREFECTURES = [
    "济南市",
    "青岛市",
    "淄博市",
    "枣庄市",
    "东营市",
    "烟台市",
    "潍坊市",
    "济宁市",
    "泰安市",
    "威海市",
    "日照市",
    "临沂市",
    "德州市",
    "聊城市",
    "滨州市",
    "菏泽市",
]
DEPARTMENTS = [
    "大数据局",
    "行政审批服务局",
    "财政局",
    "公安局",
    "教育局",
    "卫生健康委员会",
    "自然资源局",
    "生态环境局",
    "住房和城乡建设局",
    "交通运输局",
    "水利局",
    "农业农村局",
    "商务局",
    "文化和旅游局",
    "应急管理局",
    "市场监督管理局",
    "人力资源和社会保障局",
    "民政局",
    "司法局",
    "统计局",
    "机关事务管理局",
    "档案馆",
    "人民医院",
    "职业技术学院",
]
# About two thirds carry a keyword of a smart-government segment rule; the rest are the
# purchases the exclusion rules and the default rule exist for.
TOPICS = [
    "政务云平台运维服务",
    "政务云资源租赁",
    "数据中台建设",
    "公共数据开放平台升级",
    "大数据分析平台建设",
    "数据治理服务",
    "政务数据共享交换平台",
    "信创适配改造",
    "数据中心机房改造",
    "一网通办平台优化",
    "政务服务平台运维",
    "爱山东移动端功能扩展",
    "智能审批系统建设",
    "一件事集成服务",
    "免申即享平台",
    "城市大脑建设",
    "一网统管平台",
    "数字孪生城市建模",
    "应急指挥调度平台",
    "防汛抗旱监测预警系统",
    "舆情监测系统",
    "基层治理网格化管理平台",
    "协同办公系统升级",
    "移动办公平台",
    "报表填报系统",
    "干部培训管理系统",
    "督办考核平台",
    "等保测评服务",
    "商用密码应用安全性评估",
    "网络安全态势感知平台",
    "数据安全监测服务",
    "渗透测试服务",
    "隐私计算平台",
    "信息化系统运维",
    "门户网站改版",
    "业务管理系统开发",
    "办公家具采购",
    "物业管理服务",
    "公务用车租赁",
    "教材印刷",
    "展览会参展服务",
    "实验室耗材采购",
    "危险废物处置服务",
    "档案整理服务",
    "绩效评价咨询服务",
    "会议场所租赁",
    "食堂食材配送",
    "绿化养护服务",
    "医疗设备采购",
    "课题研究服务",
]
KINDS = ["项目", "采购项目", "", "（一期）", "年度项目", "（续期）"]
DESCRIPTIONS = [
    "建设政务服务事项统一受理平台，实现一网通办和跨省通办。",
    "对信息系统开展等保测评和商用密码应用安全性评估。",
    "提供数据治理、数据共享和公共数据开放技术支撑服务。",
    "保障基层网格化管理和一表通报表填报工作。",
    "建设城市运行监测预警和应急指挥调度应用。",
    "租赁政务云计算、存储和网络资源，保障业务系统上云。",
    "采购办公桌椅、文件柜等办公家具。",
    "提供办公楼物业管理、保洁和安保服务。",
    "开展年度绩效评价和第三方评估咨询工作。",
    "组织参加境外展会，做好参展企业服务。",
    "采购实验室试剂、耗材和易损易耗品。",
    "提供系统运维、软件升级和技术支持服务。",
]


def generate(n_items: int, out: Path, *, seed: int = 7) -> Path:
    """Write `n_items` synthetic intended purchases (plus quirk rows) to the CSV `out`."""
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.tmp")
    # The final sort spills to disk beside the output rather than holding 10M rows in RAM.
    spill = out.parent / ".spill"
    con = duckdb.connect(config={"memory_limit": "4GB", "temp_directory": str(spill)})
    try:
        con.execute(
            SQL.read_text(encoding="utf-8"),
            {
                "n_items": n_items,
                "seed": seed,
                "out": str(tmp),
                "prefectures": PREFECTURES,
                "departments": DEPARTMENTS,
                "topics": TOPICS,
                "kinds": KINDS,
                "descriptions": DESCRIPTIONS,
            },
        )
    finally:
        con.close()
    os.replace(tmp, out)
    return out


def cached(n_items: int, *, seed: int = 7, cache_dir: Path = WORK_DIR / "data") -> Path:
    """The CSV for (n_items, seed), generated once and reused by later benchmark runs."""
    path = cache_dir / f"synthetic_notices_n{n_items}_seed{seed}.csv"
    return path if path.exists() else generate(n_items, path, seed=seed)


def inbox_for(home: Path) -> Path:
    """The drop inbox of ccgp_shandong__intentions in a benchmark home under WORK_DIR."""
    home = home.resolve()
    if not home.is_relative_to(WORK_DIR.resolve()) and not home.is_relative_to(Path("/tmp")):
        raise ValueError(f"synthetic notices go only into benchmark homes, not {home}")
    return home.joinpath("inbox", *INBOX)


def drop_into(home: Path, csv_path: Path) -> Path:
    """Hard-link (or copy) the synthetic CSV into the benchmark home's inbox."""
    inbox = inbox_for(home)
    inbox.mkdir(parents=True, exist_ok=True)
    target = inbox / csv_path.name
    target.unlink(missing_ok=True)
    try:
        os.link(csv_path, target)
    except OSError:
        target.write_bytes(csv_path.read_bytes())
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("n_items", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    print(generate(args.n_items, args.out, seed=args.seed))


if __name__ == "__main__":
    main()
