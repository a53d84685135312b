#include "crm/transaction_service.hpp"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <map>

#include "auth/secret_token.hpp"
#include "core/timestamp.hpp"
#include "crm/coverage_service.hpp"
#include "crm/credit_split.hpp"
#include "crm/product_service.hpp"
#include "crm/resolver.hpp"
#include "crm/transaction_kinds.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

bool external_id_character(char ch) {
  return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
         ch == '.' || ch == '_' || ch == '-' || ch == ':' || ch == '/';
}

// Checks that need no database. Returns the kind's code.
core::Result<std::string_view> validate(const TransactionInput& in, core::Timestamp now,
                                        core::CompanyZone zone) {
  if (in.external_id.empty() || in.external_id.size() > 64 ||
      !std::all_of(in.external_id.begin(), in.external_id.end(), external_id_character)) {
    return Error::invalid("external_id", "must be 1 to 64 of A-Z a-z 0-9 . _ - : /");
  }
  if (in.client_id.has_value() == in.client_registration_code.has_value()) {
    return Error::invalid("client_id",
                          "give exactly one of client_id and client_registration_code");
  }
  if (in.product_id.has_value() == in.product_code.has_value()) {
    return Error::invalid("product_id", "give exactly one of product_id and product_code");
  }
  const auto* kind = find_transaction_kind(in.kind);
  if (!kind) {
    return Error::invalid("kind",
                          "must be one of: subscribe (认购), purchase (申购), redeem (赎回), "
                          "switch_in (转换入), switch_out (转换出), dividend_reinvest (分红再投)");
  }
  if (in.amount <= 0) return Error::invalid("amount", "must be more than 0");
  if (in.trade_time > now + TransactionService::kClockSkew) {
    return Error::invalid("trade_time", "is in the future");
  }
  if (auto s = check_one_of("status", in.status, transaction_statuses()); !s) return s.error();
  if (in.status == "confirmed" && !in.confirm_date) {
    return Error::invalid("confirm_date", "is required for a confirmed transaction");
  }
  if (in.confirm_date && *in.confirm_date < zone.date_of(in.trade_time)) {
    return Error::invalid("confirm_date", "must not be before the trade date");
  }
  if (in.credits) {
    if (auto s = validate_members(*in.credits); !s) {
      Error error = s.error();
      // validate_members names "members[i].x"; here the array is "credits".
      if (error.field.starts_with("members")) error.field.replace(0, 7, "credits");
      return error;
    }
  }
  return kind->code;
}

// The fingerprint of a transaction's content as sent (after resolving codes to ids), which a
// resend must match to be a duplicate.
std::string fingerprint(const store::TransactionRecord& t,
                        const std::optional<std::vector<store::CoverageMember>>& credits) {
  std::string text = t.external_id + '|' + std::to_string(t.client_id) + '|' +
                     std::to_string(t.product_id) + '|' + t.kind + '|' +
                     std::to_string(t.amount_fen) + '|' + std::to_string(t.trade_time) + '|' +
                     t.confirm_date.value_or("") + '|' + t.status + '|';
  if (credits) {
    for (const auto& m : *credits) {
      text +=
          std::to_string(m.staff_id) + ':' + m.role + ':' + std::to_string(m.share_percent) + ',';
    }
  } else {
    text += "coverage";
  }
  return auth::sha256_hex(text);
}

boost::json::value optional_text(const std::optional<std::string>& text) {
  return text ? boost::json::value(*text) : nullptr;
}

// Records transactions inside one write transaction, remembering what it looked up (clients,
// products, coverage and departments on a day), which batches repeat a great deal.
class Recorder {
 public:
  Recorder(store::Connection& db, const core::Clock& clock, core::CompanyZone zone,
           const EventLog& events, const auth::Actor& actor)
      : db_(db), clock_(clock), zone_(zone), events_(events), actor_(actor), resolve_(db) {}

  core::Result<Recorded> record(const TransactionInput& in) {
    const auto now = clock_.now();
    auto kind = validate(in, now, zone_);
    if (!kind) return kind.error();
    store::TransactionRecord t;
    t.external_id = in.external_id;
    auto client = resolve_.client(in.client_id, in.client_registration_code);
    if (!client) return client.error();
    t.client_id = *client;
    auto product = resolve_.product(in.product_id, in.product_code);
    if (!product) return product.error();
    t.product_id = *product;
    t.kind = std::string(*kind);
    t.amount_fen = in.amount;
    t.trade_time = core::to_micros(in.trade_time);
    t.trade_date = core::format_date(zone_.date_of(in.trade_time));
    if (in.confirm_date) t.confirm_date = core::format_date(*in.confirm_date);
    t.status = in.status;
    t.content_hash = fingerprint(t, in.credits);

    store::TransactionRepository repository(db_);
    auto existing = repository.find_external(t.external_id);
    if (!existing) return existing.error();
    if (*existing) {
      if ((*existing)->second != t.content_hash) {
        return Error::conflict("transaction " + t.external_id +
                                   " was recorded with other content: /api/v1/transactions/" +
                                   std::to_string((*existing)->first),
                               "external_id");
      }
      auto found = repository.find((*existing)->first);
      if (!found) return found.error();
      return Recorded{RecordOutcome::duplicate, std::move(**found)};
    }

    auto credits = credit(in, t);
    if (!credits) return credits.error();
    t.credits = std::move(*credits);
    t.recorded_at = t.updated_at = core::to_micros(now);
    auto id = repository.insert(t);
    if (!id) return id.error();
    t.id = *id;
    auto seq = events_.append(db_, actor_,
                              {"transaction.recorded", "transaction", std::to_string(t.id),
                               std::nullopt, transaction_to_json(t), in.trade_time});
    if (!seq) return seq.error();
    return Recorded{RecordOutcome::applied, std::move(t)};
  }

 private:
  core::Result<std::vector<CreditShare>> shares(const TransactionInput& in,
                                                const store::TransactionRecord& t) {
    std::vector<CreditShare> shares;
    if (in.credits) {
      store::StaffRepository staff(db_);
      for (std::size_t i = 0; i < in.credits->size(); ++i) {
        const auto& m = (*in.credits)[i];
        auto found = staff.find(m.staff_id);
        if (!found) return found.error();
        if (!*found) {
          return Error::invalid("credits[" + std::to_string(i) + "].staff_id",
                                "no staff member " + std::to_string(m.staff_id));
        }
        shares.push_back({m.staff_id, m.share_percent, m.role == "primary"});
      }
      return shares;
    }
    const auto key = std::pair(t.client_id, t.trade_date);
    if (auto it = coverage_.find(key); it != coverage_.end()) return it->second;
    auto covered = credit_shares_on(db_, t.client_id, t.trade_date);
    if (!covered) return covered.error();
    coverage_.emplace(key, *covered);
    return covered;
  }

  core::Result<std::optional<std::int64_t>> department(std::int64_t staff_id,
                                                       const std::string& day) {
    const auto key = std::pair(staff_id, day);
    if (auto it = departments_.find(key); it != departments_.end()) return it->second;
    auto found = store::StaffRepository(db_).department_on(staff_id, day);
    if (!found) return found.error();
    departments_.emplace(key, *found);
    return found;
  }

  core::Result<std::vector<store::TransactionCredit>> credit(const TransactionInput& in,
                                                             const store::TransactionRecord& t) {
    auto given = shares(in, t);
    if (!given) return given.error();
    const auto parts = split_credit(t.amount_fen, *given);
    std::vector<store::TransactionCredit> credits;
    for (std::size_t i = 0; i < given->size(); ++i) {
      const auto& share = (*given)[i];
      auto department_id = department(share.staff_id, t.trade_date);
      if (!department_id) return department_id.error();
      credits.push_back({share.staff_id, *department_id, share.primary ? "primary" : "secondary",
                         share.percent, parts[i]});
    }
    std::stable_sort(credits.begin(), credits.end(), [](const auto& a, const auto& b) {
      return a.role == "primary" && b.role != "primary";
    });
    return credits;
  }

  store::Connection& db_;
  const core::Clock& clock_;
  core::CompanyZone zone_;
  const EventLog& events_;
  const auth::Actor& actor_;
  Resolver resolve_;
  std::map<std::pair<std::int64_t, std::string>, std::vector<CreditShare>> coverage_;
  std::map<std::pair<std::int64_t, std::string>, std::optional<std::int64_t>> departments_;
};

// Which status may follow which: an application is confirmed, fails or is cancelled; a
// confirmed trade may still be cancelled; failed and cancelled are final.
bool may_change(std::string_view from, std::string_view to) {
  if (from == "applied") return to == "confirmed" || to == "failed" || to == "cancelled";
  if (from == "confirmed") return to == "cancelled";
  return false;
}

}  // namespace

boost::json::object transaction_to_json(const store::TransactionRecord& t) {
  boost::json::array credits;
  for (const auto& c : t.credits) {
    credits.push_back(boost::json::object{
        {"staff_id", c.staff_id},
        {"department_id", c.department_id ? boost::json::value(*c.department_id) : nullptr},
        {"role", c.role},
        {"share_percent", c.share_percent},
        {"amount", core::format_amount(c.amount_fen)}});
  }
  const auto* kind = find_transaction_kind(t.kind);
  return {{"id", t.id},
          {"external_id", t.external_id},
          {"client_id", t.client_id},
          {"product_id", t.product_id},
          {"kind", t.kind},
          {"kind_name", kind ? kind->chinese : std::string_view()},
          {"amount", core::format_amount(t.amount_fen)},
          {"trade_time", core::format_rfc3339(core::from_micros(t.trade_time))},
          {"trade_date", t.trade_date},
          {"confirm_date", optional_text(t.confirm_date)},
          {"status", t.status},
          {"credits", std::move(credits)},
          {"recorded_at", core::format_rfc3339(core::from_micros(t.recorded_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(t.updated_at))}};
}

core::Result<Recorded> TransactionService::record_in(store::Connection& db,
                                                     const TransactionInput& input,
                                                     const auth::Actor& actor) {
  return Recorder(db, clock_, zone_, events_, actor).record(input);
}

core::Result<Recorded> TransactionService::record(const TransactionInput& input,
                                                  const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto recorded = record_in(write->connection(), input, actor);
  if (!recorded) return recorded.error();
  if (recorded->outcome == RecordOutcome::applied) {
    if (auto s = write->commit(); !s) return s.error();
  }
  return recorded;
}

core::Result<BatchReport> TransactionService::import(const std::vector<BatchRow>& rows,
                                                     bool partial, const auth::Actor& actor) {
  if (rows.size() > kMaxBatch) {
    return Error::invalid("transactions",
                          "at most " + std::to_string(kMaxBatch) + " transactions per batch");
  }
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  Recorder recorder(write->connection(), clock_, zone_, events_, actor);
  BatchReport report;
  report.rows.reserve(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    BatchRowResult result;
    result.row = i;
    if (rows[i]) result.external_id = rows[i]->external_id;
    auto recorded = rows[i] ? recorder.record(*rows[i]) : core::Result<Recorded>(rows[i].error());
    if (!recorded) {
      const auto code = recorded.error().code;
      if (code != core::Errc::invalid_input && code != core::Errc::conflict) {
        return recorded.error();  // not about this row: the batch fails
      }
      result.error = recorded.error();
      ++report.failed;
      if (!partial) {
        report.applied = report.duplicates = 0;
        report.rows = {std::move(result)};
        return report;  // rolled back: nothing written
      }
    } else {
      result.outcome = recorded->outcome;
      result.id = recorded->transaction.id;
      ++(recorded->outcome == RecordOutcome::applied ? report.applied : report.duplicates);
    }
    report.rows.push_back(std::move(result));
  }
  if (auto s = write->commit(); !s) return s.error();
  return report;
}

core::Result<store::TransactionRecord> TransactionService::change_status(std::int64_t id,
                                                                         const StatusChange& change,
                                                                         const auth::Actor& actor) {
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto changed = change_status_in(write->connection(), id, change, actor);
  if (!changed) return changed.error();
  if (auto s = write->commit(); !s) return s.error();
  return changed;
}

core::Result<store::TransactionRecord> TransactionService::change_status_in(
    store::Connection& db, std::int64_t id, const StatusChange& change, const auth::Actor& actor) {
  if (auto s = check_one_of("status", change.status, transaction_statuses()); !s) return s.error();
  store::TransactionRepository repository(db);
  auto found = repository.find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no transaction " + std::to_string(id));
  const auto before = std::move(**found);
  auto after = before;
  if (change.confirm_date) after.confirm_date = core::format_date(*change.confirm_date);
  after.status = change.status;
  if (after.status == before.status && after.confirm_date == before.confirm_date) return before;
  if (after.status != before.status && !may_change(before.status, after.status)) {
    return Error::conflict("a " + before.status + " transaction cannot become " + after.status,
                           "status");
  }
  if (after.status == "confirmed" && !after.confirm_date) {
    return Error::invalid("confirm_date", "is required for a confirmed transaction");
  }
  if (after.confirm_date && *after.confirm_date < after.trade_date) {
    return Error::invalid("confirm_date", "must not be before the trade date");
  }
  after.updated_at = core::to_micros(clock_.now());
  if (auto s = repository.update_status(id, after.status, after.confirm_date, after.updated_at);
      !s) {
    return s.error();
  }
  core::Timestamp occurred = core::from_micros(after.trade_time);
  if (after.status == "confirmed")
    occurred = zone_.start_of(*core::parse_date(*after.confirm_date));
  auto seq = events_.append(db, actor,
                            {"transaction." + after.status, "transaction", std::to_string(id),
                             transaction_to_json(before), transaction_to_json(after), occurred});
  if (!seq) return seq.error();
  return after;
}

core::Result<store::TransactionRecord> TransactionService::get(std::int64_t id,
                                                               const DataScope& scope) {
  if (!scope.amounts) return Error::forbidden("your role does not see amounts");
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::TransactionRepository repository(**connection);
  auto visible = repository.visible(id, scope.records());
  if (!visible) return visible.error();
  // Outside the caller's scope reads as absent: its existence is not disclosed.
  if (!*visible) return Error::not_found("no transaction " + std::to_string(id));
  auto found = repository.find(id);
  if (!found) return found.error();
  if (!*found) return Error::not_found("no transaction " + std::to_string(id));
  return std::move(**found);
}

core::Result<TransactionPage> TransactionService::list(const store::TransactionFilter& filter,
                                                       const DataScope& scope) {
  if (!scope.amounts) return Error::forbidden("your role does not see amounts");
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto transactions = store::TransactionRepository(**connection).list(filter, scope.records());
  if (!transactions) return transactions.error();
  TransactionPage page;
  if (transactions->size() > static_cast<std::size_t>(filter.limit)) {
    transactions->pop_back();
    page.next_after_id = transactions->back().id;
  }
  page.transactions = std::move(*transactions);
  return page;
}

}  // namespace laurel::crm
