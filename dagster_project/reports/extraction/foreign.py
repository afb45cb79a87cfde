"""Places outside China's GB/T 2260 divisions: a figure there has region level `other`.

Countries and regions a Chinese market or finance text names most (美国, 欧盟, 日本 …),
plus 全球/世界/海外/境外 as the scope of a global figure. 全球 or 世界 before a superlative
or a rank (全球最大, 居世界第一, 全球领先) describes standing, not where a figure is.
"""

from __future__ import annotations

import re

_NAMES = (
    "美国", "日本", "英国", "德国", "法国", "韩国", "俄罗斯", "印度", "巴西", "加拿大", "澳大利亚",
    "新加坡", "意大利", "西班牙", "荷兰", "瑞士", "瑞典", "以色列", "沙特", "阿联酋", "越南",
    "泰国", "马来西亚", "印度尼西亚", "印尼", "菲律宾", "南非", "埃及", "土耳其", "墨西哥",
    "阿根廷", "新西兰", "奥地利", "比利时", "挪威", "丹麦", "芬兰", "爱尔兰", "波兰", "葡萄牙",
    "希腊", "伊朗", "巴基斯坦", "哈萨克斯坦", "乌克兰", "埃塞俄比亚", "尼日利亚", "肯尼亚",
    "欧元区", "欧盟", "欧洲", "亚太", "东南亚", "非洲", "拉美", "中东", "北美", "美股", "美联储",
    "欧洲央行", "日本央行", "英国央行", "华尔街", "全球", "世界", "海外", "境外", "国外",
    "澳洲", "伦敦", "纽约", "东京", "芝加哥", "法兰克福", "巴黎", "首尔", "美债", "欧债", "美油",
    "布油",
)  # fmt: skip
# 国际 is a scope only for world markets (国际油价, 国际贵金属), not in 国际一流, 国际合作.
FOREIGN = "|".join(sorted(_NAMES, key=len, reverse=True)) + "|国际(?=油价|金价|贵金属|原油|大宗)"
_SUPERLATIVE = re.compile(
    r"的?(?:最|第|前[\d一二三四五六七八九十]|首|领先|一流|先进|排名|范围内|各地|级|知名|顶尖)"
)


def is_superlative(text: str, end: int) -> bool:
    return bool(_SUPERLATIVE.match(text, end))
