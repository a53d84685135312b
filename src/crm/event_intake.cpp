#include "crm/event_intake.hpp"

#include "core/timestamp.hpp"
#include "store/external_event_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

// Errors from the services name the record's members; here they are the event's data's.
Error in_data(Error error) {
  if (error.field != "id" && !error.field.starts_with("data")) {
    error.field = "data" + (error.field.empty() ? "" : "." + error.field);
  }
  return error;
}

struct Written {
  IntakeOutcome outcome;
  std::string entity_type, entity_id;
};

}  // namespace

const std::vector<std::string>& intake_event_types() {
  static const std::vector<std::string> types{"transaction.recorded", "transaction.status_changed",
                                              "holding.balance"};
  return types;
}

core::Result<IntakeReport> EventIntake::post(const std::vector<IntakeRow>& events, bool partial,
                                             const auth::Actor& actor) {
  if (events.size() > kMaxBatch) {
    return Error::invalid("events", "at most " + std::to_string(kMaxBatch) + " per batch");
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  store::ExternalEventRepository seen(db);
  const auto sender = actor.user_id.value_or(0);

  const auto apply = [&](const IntakeEvent& e) -> core::Result<Written> {
    auto before = seen.find(sender, e.id);
    if (!before) return before.error();
    if (*before) {
      if ((*before)->fingerprint != e.fingerprint || (*before)->type != e.type) {
        return Error::conflict("event " + e.id + " was received before with other data", "id");
      }
      return Written{IntakeOutcome::duplicate, (*before)->entity_type, (*before)->entity_id};
    }
    Written out{IntakeOutcome::applied, "", ""};
    if (const auto* t = std::get_if<TransactionInput>(&e.data)) {
      auto recorded = transactions_.record_in(db, *t, actor);
      if (!recorded) return in_data(recorded.error());
      if (recorded->outcome == RecordOutcome::duplicate) out.outcome = IntakeOutcome::duplicate;
      out.entity_type = "transaction";
      out.entity_id = std::to_string(recorded->transaction.id);
    } else if (const auto* s = std::get_if<StatusChangeInput>(&e.data)) {
      auto found = store::TransactionRepository(db).find_external(s->external_id);
      if (!found) return found.error();
      if (!*found) {
        return Error::invalid("data.external_id", "no transaction " + s->external_id);
      }
      auto changed = transactions_.change_status_in(db, (*found)->first, s->change, actor);
      if (!changed) return in_data(changed.error());
      out.entity_type = "transaction";
      out.entity_id = std::to_string(changed->id);
    } else {
      auto recorded = holdings_.record_in(db, std::get<BalanceInput>(e.data), actor);
      if (!recorded) return in_data(recorded.error());
      if (recorded->outcome == BalanceOutcome::duplicate) out.outcome = IntakeOutcome::duplicate;
      out.entity_type = "holding";
      out.entity_id =
          std::to_string(recorded->client_id) + "/" + std::to_string(recorded->product_id);
    }
    if (auto s = seen.insert({sender, e.id, e.type, e.fingerprint, out.entity_type, out.entity_id,
                              core::to_micros(clock_.now())});
        !s) {
      return s.error();
    }
    return out;
  };

  // Each event's record, by its place in the batch (run_rows keeps one integer per row).
  std::vector<std::pair<std::string, std::string>> entities(events.size());
  auto rows = run_rows<IntakeOutcome>(
      events, partial,
      [&](const IntakeEvent& e,
          std::size_t row) -> core::Result<std::pair<IntakeOutcome, std::int64_t>> {
        auto written = apply(e);
        if (!written) return written.error();
        entities[row] = {std::move(written->entity_type), std::move(written->entity_id)};
        return std::pair{written->outcome, static_cast<std::int64_t>(row)};
      });
  if (!rows) return rows.error();
  IntakeReport report;
  report.applied = rows->count(IntakeOutcome::applied);
  report.duplicates = rows->count(IntakeOutcome::duplicate);
  report.failed = rows->failed;
  for (auto& r : rows->rows) {
    IntakeResult result{r.row, events[r.row] ? events[r.row]->id : "", r.outcome, "", "", r.error};
    if (r.outcome) std::tie(result.entity_type, result.entity_id) = std::move(entities[r.row]);
    report.results.push_back(std::move(result));
  }
  if (!rows->commit(partial)) return report;  // rolled back: nothing written
  if (auto s = write->commit(); !s) return s.error();
  return report;
}

}  // namespace laurel::crm
