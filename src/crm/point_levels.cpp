#include "crm/point_levels.hpp"

#include <algorithm>

#include "crm/json_reader.hpp"
#include "store/point_rule_repository.hpp"

namespace laurel::crm {
namespace {

namespace json = boost::json;
using core::Error;

constexpr std::size_t kMostLevels = 20;
constexpr std::size_t kMaxName = 40;

core::Result<std::vector<PointLevel>> stored_levels(store::Connection& db) {
  auto rows = store::PointRuleRepository(db).levels();
  if (!rows) return rows.error();
  std::vector<PointLevel> out;
  for (auto& [name, from] : *rows)
    out.push_back({std::move(name), from});
  return out;
}

}  // namespace

std::vector<PointLevel> default_point_levels() {
  return {{"新秀", 0}, {"能手", 1'000}, {"高手", 5'000}, {"专家", 20'000}, {"大师", 50'000}};
}

core::Result<std::vector<PointLevel>> read_point_levels_input(std::string_view body) {
  auto doc = json_object_body(body);
  if (!doc) return doc.error();
  JsonReader r(*doc, "", true, "a ladder of levels");
  const auto* list = r.take("levels");
  if (!list || !list->is_array() || list->as_array().empty() ||
      list->as_array().size() > kMostLevels) {
    return Error::invalid("levels",
                          "is required: a list of 1 to " + std::to_string(kMostLevels) + " levels");
  }
  std::vector<PointLevel> out;
  for (std::size_t i = 0; i < list->as_array().size(); ++i) {
    const auto name = "levels[" + std::to_string(i) + "]";
    const auto& item = list->as_array()[i];
    if (!item.is_object()) return Error::invalid(name, "must be an object");
    JsonReader level(item.as_object(), name + ".", true, "a level");
    const auto* text = level.take("name");
    if (!text || !text->is_string() || text->as_string().empty() ||
        text->as_string().size() > kMaxName) {
      return Error::invalid(name + ".name",
                            "is required: 1 to " + std::to_string(kMaxName) + " bytes");
    }
    const auto* from = level.take("from");
    if (!from || !from->is_int64() || from->as_int64() < 0) {
      return Error::invalid(name + ".from", "is required: a whole number of status points");
    }
    if (auto s = level.finish(); !s) return s.error();
    if (i == 0 && from->as_int64() != 0) {
      return Error::invalid(name + ".from", "must be 0: everyone starts on the first level");
    }
    if (i > 0 && from->as_int64() <= out.back().from) {
      return Error::invalid(name + ".from", "must be above the level before it");
    }
    const std::string n(text->as_string());
    if (std::any_of(out.begin(), out.end(), [&](const auto& l) { return l.name == n; })) {
      return Error::invalid(name + ".name", "is the name of another level");
    }
    out.push_back({n, from->as_int64()});
  }
  if (auto s = r.finish(); !s) return s.error();
  return out;
}

json::object point_levels_to_json(const std::vector<PointLevel>& levels) {
  json::array items;
  for (const auto& l : levels)
    items.push_back(json::object{{"name", l.name}, {"from", l.from}});
  return {{"levels", std::move(items)}};
}

LevelStanding level_of(const std::vector<PointLevel>& levels, std::int64_t status) {
  LevelStanding out;
  for (const auto& l : levels) {
    if (l.from <= status) {
      out.level = &l;
    } else {
      out.next = &l;
      break;
    }
  }
  return out;
}

core::Result<std::vector<PointLevel>> PointLevelService::get() {
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto levels = stored_levels(**connection);
  if (!levels) return levels.error();
  return levels->empty() ? default_point_levels() : std::move(*levels);
}

core::Result<std::vector<PointLevel>> PointLevelService::set(std::vector<PointLevel> levels,
                                                             const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = stored_levels(db);
  if (!before) return before.error();
  std::vector<std::pair<std::string, std::int64_t>> rows;
  for (const auto& l : levels)
    rows.emplace_back(l.name, l.from);
  if (auto s = store::PointRuleRepository(db).replace_levels(rows); !s) return s.error();
  if (auto seq = events_.append(
          db, actor,
          {"point_levels.set", "point_levels", "1",
           before->empty() ? std::nullopt
                           : std::optional<json::value>(point_levels_to_json(*before)),
           json::value(point_levels_to_json(levels)), std::nullopt});
      !seq) {
    return seq.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return levels;
}

}  // namespace laurel::crm
