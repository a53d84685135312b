#include "crm/flag_set.hpp"

#include <algorithm>
#include <cctype>

#include "crm/json_reader.hpp"
#include "store/flag_repository.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

constexpr std::size_t kMostFlags = 24;
constexpr std::size_t kMaxName = 40;

bool is_colour(std::string_view text) {
  return text.size() == 7 && text[0] == '#' &&
         std::all_of(text.begin() + 1, text.end(),
                     [](unsigned char c) { return std::isxdigit(c) != 0; });
}

std::string upper(std::string_view text) {
  std::string out(text);
  for (auto& c : out)
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

core::Result<std::vector<Flag>> stored_flags(store::Connection& db) {
  auto rows = store::FlagRepository(db).flag_set();
  if (!rows) return rows.error();
  std::vector<Flag> out;
  for (auto& r : *rows)
    out.push_back({std::move(r.function), std::move(r.name), std::move(r.colour)});
  return out;
}

}  // namespace

const std::vector<CrmFunction>& crm_functions() {
  // The first twelve are Laurel's default flags; the order is the index the engine keeps, so new
  // functions go at the end.
  static const std::vector<CrmFunction> functions{
      {"visit", "logs a client visit", {"visit.recorded"}},
      {"visit_attendees", "logs a visit with the client's key people who attended", {}},
      {"follow_up", "marks a visit's follow-up done", {"visit.follow_up_completed"}},
      {"key_person",
       "adds or updates a client's key person",
       {"key_person.created", "key_person.updated"}},
      {"org_chart",
       "edits a client's org chart",
       {"org_unit.created", "org_unit.updated", "org_unit.deleted", "key_person.moved"}},
      {"service_record", "records a service to a client", {"service_record.recorded"}},
      {"target", "sets a target", {"target.set"}},
      {"opportunity",
       "opens or moves an opportunity",
       {"opportunity.created", "opportunity.updated", "opportunity.stage_changed"}},
      {"client_update", "brings a client's record up to date", {"client.updated"}},
      {"good_news", "writes good news", {"good_news.written"}},
      {"reward_order", "orders a reward with points", {"reward_order.placed"}},
      {"campaign", "creates or updates a campaign", {"campaign.created", "campaign.updated"}},
      {"client_created", "adds a client", {"client.created"}},
      {"coverage", "changes who covers a client", {"client.coverage_changed"}},
      {"snapshot", "freezes a leaderboard by hand", {"board.snapshot_taken"}},
      {"transaction", "records a trade by hand", {"transaction.recorded"}},
  };
  return functions;
}

std::optional<std::uint8_t> function_index(std::string_view code) {
  const auto& all = crm_functions();
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (all[i].code == code) return static_cast<std::uint8_t>(i);
  }
  return std::nullopt;
}

std::vector<Flag> default_flags() {
  return {{"visit", "拜访", "#D32F2F"},
          {"visit_attendees", "关键人", "#F57C00"},
          {"follow_up", "跟进", "#FBC02D"},
          {"key_person", "人脉", "#7CB342"},
          {"org_chart", "架构图", "#388E3C"},
          {"service_record", "服务", "#00897B"},
          {"target", "目标", "#0288D1"},
          {"opportunity", "商机", "#303F9F"},
          {"client_update", "客户资料", "#7B1FA2"},
          {"good_news", "喜报", "#C2185B"},
          {"reward_order", "兑换", "#5D4037"},
          {"campaign", "活动", "#455A64"}};
}

core::Result<std::vector<Flag>> read_flag_set_input(std::string_view body) {
  auto doc = json_object_body(body);
  if (!doc) return doc.error();
  JsonReader r(*doc, "", true, "a set of flags");
  const auto* list = r.take("flags");
  if (!list || !list->is_array() || list->as_array().empty() ||
      list->as_array().size() > kMostFlags) {
    return Error::invalid("flags",
                          "is required: a list of 1 to " + std::to_string(kMostFlags) + " flags");
  }
  std::vector<Flag> out;
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    const auto name = "flags[" + std::to_string(i) + "]";
    const auto& item = list->as_array()[i];
    if (!item.is_object()) return Error::invalid(name, "must be an object");
    JsonReader flag(item.as_object(), name + ".", true, "a flag");
    const auto* function = flag.take("function");
    if (!function || !function->is_string() || !function_index(function->as_string())) {
      return Error::invalid(name + ".function",
                            "is required: one of the functions GET /api/v1/flag-set lists");
    }
    const auto* text = flag.take("name");
    if (!text || !text->is_string() || text->as_string().empty() ||
        text->as_string().size() > kMaxName) {
      return Error::invalid(name + ".name",
                            "is required: 1 to " + std::to_string(kMaxName) + " bytes");
    }
    const auto* colour = flag.take("colour");
    if (!colour || !colour->is_string() || !is_colour(colour->as_string())) {
      return Error::invalid(name + ".colour", "is required: a colour such as #D32F2F");
    }
    if (auto s = flag.finish(); !s) return s.error();
    Flag f{std::string(function->as_string()), std::string(text->as_string()),
           upper(colour->as_string())};
    const auto taken = [&](auto member) {
      return std::any_of(out.begin(), out.end(),
                         [&](const Flag& o) { return o.*member == f.*member; });
    };
    if (taken(&Flag::function)) return Error::invalid(name + ".function", "has a flag already");
    if (taken(&Flag::name)) return Error::invalid(name + ".name", "is the name of another flag");
    if (taken(&Flag::colour)) return Error::invalid(name + ".colour", "is another flag's colour");
    out.push_back(std::move(f));
  }
  if (auto s = r.finish(); !s) return s.error();
  return out;
}

json::object flag_set_to_json(const std::vector<Flag>& flags) {
  json::array items;
  for (const auto& f : flags)
    items.push_back(json::object{{"function", f.function}, {"name", f.name}, {"colour", f.colour}});
  return {{"flags", std::move(items)}};
}

core::Result<std::vector<Flag>> FlagSetService::get() {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto flags = stored_flags(**connection);
  if (!flags) return flags.error();
  return flags->empty() ? default_flags() : std::move(*flags);
}

core::Result<std::vector<Flag>> FlagSetService::set(std::vector<Flag> flags,
                                                    const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = stored_flags(db);
  if (!before) return before.error();
  std::vector<store::FlagRow> rows;
  for (const auto& f : flags)
    rows.push_back({f.function, f.name, f.colour});
  if (auto s = store::FlagRepository(db).replace_flag_set(rows); !s) return s.error();
  if (auto seq = events_.append(
          db, actor,
          {"flag_set.set", "flag_set", "1",
           before->empty() ? std::nullopt : std::optional<json::value>(flag_set_to_json(*before)),
           json::value(flag_set_to_json(flags)), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return flags;
}

}  // namespace laurel::crm
