"""marts.fct_report_claims: every claim rests on existing facts, every fact on one claim.

Blocking: the consensus, the forecast vintages and the analytical marts read figures through
these claims; a claim citing a missing fact, a fact in two claims, a figure repeated in one
document counted as two claims, or a consensus group with no (or two) preferred claims would
move or double a published number. Column rules (keys, kinds, qualifiers) are dbt tests.
"""

from great_expectations import expectations as gxe

CRITICAL = True

COLUMNS = [
    "claim_id", "consensus_id", "document_id", "edition", "is_latest_edition", "metric_id",
    "region_code", "region_level", "period_year", "kind", "claim_basis", "bound_kind",
    "qualifier", "value", "value_low", "value_high", "unit", "cited_publisher",
    "cited_publication", "fact_ids", "n_facts", "is_comparable", "preference_rank",
    "is_preferred",
]  # fmt: skip

# One row per fact a claim lists, with the fact it names (if any).
_LISTED_FACTS = """
    select claims.claim_id, claims.document_id, claims.claim_basis, listed.fact_id
    from marts.fct_report_claims as claims,
        unnest(string_split(claims.fact_ids, ',')) as listed(fact_id)
"""

BATCHES = {
    "all": "marts.fct_report_claims",
    # Every fact a claim lists exists, in the claim's own document.
    "fact_references": f"""
        select
            listed.claim_id,
            listed.fact_id,
            facts.fact_id is not null as fact_exists,
            coalesce(facts.document_id = listed.document_id, false) as is_same_document
        from ({_LISTED_FACTS}) as listed
        left join marts.fct_report_facts as facts on listed.fact_id = facts.fact_id
    """,
    # Every clean figure with a metric rests under exactly one stated claim, the one
    # fct_report_facts.claim_id names.
    "fact_coverage": f"""
        select
            facts.fact_id,
            count(listed.claim_id) as n_stated_claims,
            coalesce(bool_and(listed.claim_id = facts.claim_id), false) as is_named_claim
        from marts.fct_report_facts as facts
        left join ({_LISTED_FACTS}) as listed
            on facts.fact_id = listed.fact_id and listed.claim_basis = 'stated'
        where facts.metric_id is not null and facts.quality_flag = 'clean'
            and facts.value is not null
        group by facts.fact_id
    """,
    "fact_counts": """
        select claim_id, n_facts, len(string_split(fact_ids, ',')) as n_listed
        from marts.fct_report_claims
    """,
    # A document states one figure once as a claim, however often its text repeats it.
    "restatements": """
        select
            concat_ws('|', document_id, metric_id, coalesce(region_code, region_level),
                coalesce(cast(period_year as varchar), '-'), coalesce(cited_publisher, '-'),
                bound_kind, coalesce(cast(value_low as varchar), '-'),
                coalesce(cast(value_high as varchar), '-')) as statement_key
        from marts.fct_report_claims
        where claim_basis = 'stated'
    """,
    # One preferred claim per consensus group; none outside a group.
    "preferred": """
        select
            consensus_id,
            count(*) filter (where is_preferred)
                = case when consensus_id is null then 0 else 1 end as has_its_preferred
        from marts.fct_report_claims
        group by consensus_id
    """,
    # The interval matches the qualifier: a point has value = low = high, a floor no high, a
    # ceiling no low, a range both bounds in order and no single value.
    "intervals": """
        select
            claim_id,
            case bound_kind
                when 'point' then value = value_low and value = value_high
                when 'floor' then value = value_low and value_high is null
                when 'ceiling' then value = value_high and value_low is null
                else value is null and value_low <= value_high
            end as is_consistent
        from marts.fct_report_claims
    """,
}


def expectations() -> dict[str, list]:
    return {
        "all": [
            gxe.ExpectTableRowCountToBeBetween(min_value=1),
            gxe.ExpectTableColumnsToMatchSet(column_set=COLUMNS, exact_match=False),
        ],
        "fact_references": [
            gxe.ExpectColumnValuesToBeInSet(column="fact_exists", value_set=[True]),
            gxe.ExpectColumnValuesToBeInSet(column="is_same_document", value_set=[True]),
        ],
        "fact_coverage": [
            gxe.ExpectColumnValuesToBeBetween(column="n_stated_claims", min_value=1, max_value=1),
            gxe.ExpectColumnValuesToBeInSet(column="is_named_claim", value_set=[True]),
        ],
        "fact_counts": [
            gxe.ExpectColumnPairValuesToBeEqual(column_A="n_facts", column_B="n_listed"),
        ],
        "restatements": [gxe.ExpectColumnValuesToBeUnique(column="statement_key")],
        "preferred": [
            gxe.ExpectColumnValuesToBeInSet(column="has_its_preferred", value_set=[True]),
        ],
        "intervals": [gxe.ExpectColumnValuesToBeInSet(column="is_consistent", value_set=[True])],
    }
