#include "crm/standing_json.hpp"

#include "core/money.hpp"
#include "core/timestamp.hpp"
#include "crm/percent.hpp"

namespace laurel::crm {

namespace json = boost::json;

json::value figure_json(std::int64_t value, bool amounts) {
  return amounts ? json::value(core::format_amount(value)) : json::value(value);
}

bool pro_rates(const Board& board) {
  const auto& d = board.input.definition;
  return d.pro_rate && !d.denominator_metric_id && board.subject == engine::SubjectKind::staff &&
         board.period != core::PeriodKind::all_time;
}

json::object standing_to_json(const Board& board, const EngineService::Named& named,
                              std::optional<std::int64_t> me) {
  const auto& s = named.standing;
  const bool ratio = board.input.definition.denominator_metric_id.has_value();
  const bool target = ratio && s.score.scored();
  // A pro-rating board shows the figure it ranks by (cut to the fen), and beside it the actual.
  const auto shown =
      pro_rates(board) && s.score.of > 0 ? s.score.value / s.score.of : s.score.value;
  const auto& p = named.pro_rated;
  return {{"rank", s.rank},
          {"position", s.position},
          {"subject_id", s.subject_id},
          {"name", named.name},
          {"value", figure_json(shown, board.amounts)},
          {"pro_rated",
           p ? json::value(json::object{{"actual_value", figure_json(p->actual, board.amounts)},
                                        {"days_present", p->days_present},
                                        {"days_in_period", p->days_in_period}})
             : json::value(nullptr)},
          {"target",
           target ? figure_json(s.score.of, board.denominator_amounts) : json::value(nullptr)},
          {"percent", target && s.score.of > 0 ? json::value(percent(s.score.value, s.score.of))
                                               : json::value(nullptr)},
          {"no_target", ratio && !s.score.scored()},
          {"reached_at", s.reached == engine::kNeverReached
                             ? json::value(nullptr)
                             : json::value(core::format_rfc3339(s.reached.at))},
          {"me", me == s.subject_id},
          {"hidden", named.hidden},
          {"source", named.manual ? "manual" : "computed"}};
}

}  // namespace laurel::crm
