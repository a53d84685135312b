// The demo company's metrics and leaderboards: what a sales manager would define first, so the
// metrics page and the boards have figures to show the moment `make demo` starts (the engine
// counts the whole year for them).

#include <boost/json/parse.hpp>

#include "crm/metric_json.hpp"
#include "demo/demo_world.hpp"

namespace laurel::demo {

void build_metrics(World& w) {
  constexpr const char* kMetrics[] = {
      R"({"code":"company.daily.subscriptions","name":"全公司每日认申购（不含货基）","kind":"sum",
          "subject":"company","period":"day",
          "filter":{"transaction_kinds":["认购","申购"],"exclude_money_market":true}})",
      R"({"code":"department.weekly.bond_net_flow","name":"部门周债基净流入","kind":"sum",
          "sum_of":"net_flow","subject":"department","period":"week",
          "filter":{"product_types":["bond"]}})",
      R"({"code":"staff.monthly.subscriptions","name":"个人月度认申购","kind":"sum",
          "subject":"staff","period":"month","filter":{"transaction_kinds":["认购","申购"]}})",
      R"({"code":"staff.monthly.clients_visited","name":"个人月度拜访客户数",
          "kind":"distinct_clients","source":"visits","subject":"staff","period":"month"})",
      R"({"code":"staff.weekly.key_person_visits","name":"个人每周关键人拜访","kind":"count",
          "source":"visits","subject":"staff","period":"week",
          "filter":{"key_person_visits_only":true}})",
  };
  for (const char* text : kMetrics) {
    auto input = must(crm::read_metric_input(text), "metric definition");
    const auto metric = must(w.services.metrics.create(input, w.system), "metric");
    w.metric_ids[metric.record.code] = metric.record.id;
  }
  // (name, metric, the rest of the definition)
  const std::tuple<const char*, const char*, const char*> kBoards[] = {
      {"个人月度认申购榜", "staff.monthly.subscriptions",
       R"("snapshot_schedule":{"weekday":"monday","time":"08:00"})"},
      {"个人月度拜访客户数榜", "staff.monthly.clients_visited", R"("tie_policy":"dense")"},
      {"每周关键人拜访榜", "staff.weekly.key_person_visits", R"("tie_policy":"first_to_reach")"},
      {"部门周债基净流入榜", "department.weekly.bond_net_flow", R"("visibility":"everyone")"},
  };
  for (const auto& [name, code, rest] : kBoards) {
    const auto text = std::string(R"({"name":")") + name + R"(","metric_id":)" +
                      std::to_string(w.metric_ids.at(code)) + "," + rest + "}";
    const auto board =
        must(w.services.boards.create(boost::json::parse(text).as_object(), w.system), "board");
    w.board_ids[code] = board.record.id;
  }
}

}  // namespace laurel::demo
