"""The 24 indicators of the provincial digital-economy panel: label as printed → id and unit.

Each label carries its unit in parentheses; the factor converts it to the canonical unit
(万 = 1e4, 亿元 = 1e8 CNY). An indicator with a known defect carries a caveat, landed beside
every value so no model uses it by accident (sources/digital_economy/panel.yml says why):

* spliced_series        telecom revenue: price bases and definitions spliced (sum of
                        provinces 27,443 → 136,557 → 17,054 亿元 in 2017 → 2020 → 2021);
* territory_scaled      optical-cable length grows with the territory, not with maturity;
* enterprise_only       "computers per 100 people" counts enterprise use, not households;
* unofficial_publisher  the integration index comes from a data-resale site.
"""

from __future__ import annotations

from dataclasses import dataclass

WAN, YI = 1e4, 1e8


@dataclass(frozen=True)
class Indicator:
    indicator_id: str
    unit: str
    factor: float = 1.0
    caveat: str | None = None


INDICATORS = {
    "Long-Distance Optical Cable Length (km)": Indicator(
        "optical_cable_length", "km", caveat="territory_scaled"
    ),
    "Internet Broadband Access Ports (10,000 units)": Indicator(
        "broadband_access_ports", "count", WAN
    ),
    "Mobile Phone Base Stations (10,000 units)": Indicator("mobile_base_stations", "count", WAN),
    "Number of Internet Domain Names (10,000 units)": Indicator("domain_names", "count", WAN),
    "Number of IPv4 Addresses (10,000 units)": Indicator("ipv4_addresses", "count", WAN),
    "Number of Internet Websites (10,000 units)": Indicator("websites", "count", WAN),
    "Software Business Revenue (100 million yuan)": Indicator("software_revenue", "CNY", YI),
    "Telecommunications Business Revenue (100 million yuan)": Indicator(
        "telecom_revenue", "CNY", YI, caveat="spliced_series"
    ),
    "Number of Websites per 100 Enterprises (units)": Indicator(
        "websites_per_100_enterprises", "count"
    ),
    "Percentage of Enterprises with E-commerce Activities (%)": Indicator(
        "enterprises_with_ecommerce_pct", "percent"
    ),
    "E-commerce Sales Revenue (100 million yuan)": Indicator("ecommerce_sales", "CNY", YI),
    "Number of Computers per 100 People (units)": Indicator(
        "computers_per_100_people", "count", caveat="enterprise_only"
    ),
    "Mobile Internet Users (10,000 households)": Indicator(
        "mobile_internet_users", "accounts", WAN
    ),
    "Mobile Phone Subscribers (Year-End, 10,000 households)": Indicator(
        "mobile_phone_subscribers", "accounts", WAN
    ),
    "Digital TV Subscribers (10,000 households)": Indicator(
        "digital_tv_subscribers", "accounts", WAN
    ),
    "Digital Inclusive Finance Index": Indicator("digital_inclusive_finance_index", "index"),
    "Digital-Real Economy Integration Index": Indicator(
        "digital_real_integration_index", "index", caveat="unofficial_publisher"
    ),
    "Employment in Telecommunications, Software, and IT Services (10,000 persons, Non-private "
    "Sector)": Indicator("it_employment", "persons", WAN),
    "Total Employment in Non-private Sectors (10,000 persons)": Indicator(
        "non_private_employment", "persons", WAN
    ),
    "Percentage of IT-related Employment (%)": Indicator("it_employment_pct", "percent"),
    "Number of Bachelor's Degree Graduates (persons)": Indicator("bachelor_graduates", "persons"),
    "Full-Time Equivalent (FTE) of R&D Personnel (person-years)": Indicator(
        "rd_personnel_fte", "person_years"
    ),
    "Number of R&D Institutions (units)": Indicator("rd_institutions", "count"),
    "Region-Specific Patent Grants (units)": Indicator("patent_grants", "count"),
}
