{#- The customary short form of a prefecture name: 广州市 → 广州, 延边朝鲜族自治州 → 延边,
    克孜勒苏柯尔克孜自治州 → 克孜勒苏. An autonomous prefecture drops its ethnic designation
    (one or more of the 55 recognised minorities, 族 optional), a plain one its suffix. -#}
{% macro short_prefecture_name(column) -%}
    {% set minorities = [
        '蒙古', '回', '藏', '维吾尔', '苗', '彝', '壮', '布依', '朝鲜', '满', '侗', '瑶', '白',
        '土家', '哈尼', '哈萨克', '傣', '黎', '傈僳', '佤', '畲', '高山', '拉祜', '水', '东乡',
        '纳西', '景颇', '柯尔克孜', '土', '达斡尔', '仫佬', '羌', '布朗', '撒拉', '毛南', '仡佬',
        '锡伯', '阿昌', '普米', '塔吉克', '怒', '乌孜别克', '俄罗斯', '鄂温克', '德昂', '保安',
        '裕固', '京', '塔塔尔', '独龙', '鄂伦春', '赫哲', '门巴', '珞巴', '基诺'
    ] %}
    {%- set without_designation = regex_replace(
        column, "'((" ~ (minorities | join("|")) ~ ")族?)+自治州$'", "''"
    ) -%}
    {{ regex_replace(without_designation, "'(市|地区|盟)$'", "''") }}
{%- endmacro %}
