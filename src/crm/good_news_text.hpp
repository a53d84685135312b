#pragma once
// The words good news is written in: amounts as people say them (5000万, 1.2亿; ¥50M, ¥1.2B),
// periods as people say them (2026年第49周; week 49 of 2026), and templates filled in. Pure
// functions, no lookups: crm::GoodNewsService gathers the names that go into the placeholders.

#include <map>
#include <string>
#include <string_view>

#include "core/money.hpp"
#include "core/period.hpp"

namespace laurel::crm {

enum class Language : std::uint8_t { zh_cn, en };
inline constexpr Language kLanguages[] = {Language::zh_cn, Language::en};
std::string_view language_code(Language language);  // "zh-CN", "en"

// Amounts are cut, never rounded up: "破5000万" must not show a figure that was not reached.
std::string amount_words(core::Fen amount, Language language);
std::string period_words(core::Period period, Language language);

// Each {name} of the template replaced by values[name]; a name with no value becomes empty
// (templates were checked against the known placeholders when the rule was made).
std::string fill_template(std::string_view text, const std::map<std::string, std::string>& values);

}  // namespace laurel::crm
