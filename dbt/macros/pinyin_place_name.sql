{#- An English place name from the pinyin of a Chinese name: the first `n_syllables`
    syllables of `syllables` (one per character, space-separated, as landed by the parser),
    run together, an apostrophe before a syllable that starts with a, o or e (the pinyin
    rule that keeps 西安 Xi'an apart from 先 xian), first letter capitalised:
    ('shen zhen shi', 2) → Shenzhen, ('xi an shi', 2) → Xi'an. -#}
{% macro pinyin_place_name(syllables, n_syllables) -%}
    {%- set joined -%}
        replace(
            {{ regex_replace(first_words(syllables, n_syllables), "' ([aoe])'", "'''\\1'") }},
            ' ',
            ''
        )
    {%- endset -%}
    {{ xdb_concat(['upper(left(' ~ joined ~ ', 1))', 'substr(' ~ joined ~ ', 2)']) }}
{%- endmacro %}
