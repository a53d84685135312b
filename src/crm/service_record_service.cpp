#include "crm/service_record_service.hpp"

#include <array>

#include "core/timestamp.hpp"
#include "crm/product_service.hpp"
#include "crm/text_rules.hpp"
#include "crm/visit_service.hpp"
#include "store/client_repository.hpp"
#include "store/department_repository.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {
namespace {

using core::Error;

constexpr std::array<std::string_view, 8> kKinds = {
    "consultation",    "research", "trading_support", "operations",
    "account_service", "training", "complaint",       "other"};

core::Status check_content(std::string_view kind, std::string_view text,
                           core::Timestamp occurred_at, core::Timestamp now) {
  if (auto s = check_one_of("kind", kind, kKinds); !s) return s;
  if (auto s = check_long_text("text", text, 10'000); !s) return s;
  if (occurred_at > now + VisitService::kClockSkew) {
    return Error::invalid("occurred_at", "is in the future");
  }
  return {};
}

core::Status append(const EventLog& events, store::Connection& db, const auth::Actor& actor,
                    std::string type, const std::optional<store::ServiceRecord>& before,
                    const std::optional<store::ServiceRecord>& after) {
  const auto& subject = after ? *after : *before;
  CrmEvent event{std::move(type), "service_record", std::to_string(subject.id),
                 std::nullopt,    std::nullopt,     core::from_micros(subject.occurred_at)};
  if (before) event.before = service_record_to_json(*before);
  if (after) event.after = service_record_to_json(*after);
  auto seq = events.append(db, actor, event);
  if (!seq) return seq.error();
  return {};
}

}  // namespace

std::span<const std::string_view> service_kinds() {
  return kKinds;
}

boost::json::object service_record_to_json(const store::ServiceRecord& r) {
  return {{"id", r.id},
          {"client_id", r.client_id},
          {"department_id", r.department_id},
          {"staff_id", r.staff_id ? boost::json::value(*r.staff_id) : nullptr},
          {"kind", r.kind},
          {"text", r.text},
          {"occurred_at", core::format_rfc3339(core::from_micros(r.occurred_at))},
          {"author_user_id", r.author_user_id},
          {"created_at", core::format_rfc3339(core::from_micros(r.created_at))},
          {"updated_at", core::format_rfc3339(core::from_micros(r.updated_at))}};
}

core::Result<store::ServiceRecord> ServiceRecordService::create(const ServiceRecordInput& input,
                                                                const auth::Principal& caller,
                                                                const auth::Actor& actor) {
  const auto now = clock_.now();
  if (auto s = check_content(input.kind, input.text, input.occurred_at, now); !s) {
    return s.error();
  }
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto client = store::ClientRepository(db).find(input.client_id);
  if (!client) return client.error();
  if (!*client) return Error::invalid("client_id", "no client " + std::to_string(input.client_id));
  store::ServiceRecord record;
  record.client_id = input.client_id;
  record.kind = input.kind;
  record.text = input.text;
  record.occurred_at = core::to_micros(input.occurred_at);
  record.author_user_id = caller.user_id;
  auto me = store::StaffRepository(db).find_by_user(caller.user_id);
  if (!me) return me.error();
  if (*me) record.staff_id = (*me)->id;
  if (input.department_id) {
    auto department = store::DepartmentRepository(db).find(*input.department_id);
    if (!department) return department.error();
    if (!*department) {
      return Error::invalid("department_id",
                            "no department " + std::to_string(*input.department_id));
    }
    record.department_id = *input.department_id;
  } else {
    std::optional<std::int64_t> today_department;
    if (record.staff_id) {
      auto department = store::StaffRepository(db).department_on(*record.staff_id, scope->today);
      if (!department) return department.error();
      today_department = *department;
    }
    if (!today_department) {
      return Error::invalid("department_id", "is required: you are in no department today");
    }
    record.department_id = *today_department;
  }
  record.created_at = record.updated_at = core::to_micros(now);
  auto id = store::ServiceRecordRepository(db).insert(record);
  if (!id) return id.error();
  record.id = *id;
  if (auto s = append(events_, db, actor, "service_record.recorded", std::nullopt, record); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return record;
}

core::Result<store::ServiceRecord> ServiceRecordService::load_own(store::Connection& db,
                                                                  std::int64_t id,
                                                                  const auth::Principal& caller,
                                                                  const DataScope& scope) {
  store::ServiceRecordRepository records(db);
  auto found = records.find(id);
  if (!found) return found.error();
  auto visible = records.visible(id, caller.user_id, scope.records());
  if (!visible) return visible.error();
  if (!*found || !*visible) return Error::not_found("no service record " + std::to_string(id));
  if (caller.role != auth::Role::admin && (*found)->author_user_id != caller.user_id) {
    return Error::forbidden("only the record's author and admins change a service record");
  }
  return std::move(**found);
}

core::Result<store::ServiceRecord> ServiceRecordService::update(std::int64_t id,
                                                                const ServiceRecordChanges& changes,
                                                                const auth::Principal& caller,
                                                                const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = load_own(db, id, caller, *scope);
  if (!before) return before.error();
  auto after = *before;
  if (changes.kind) after.kind = *changes.kind;
  if (changes.text) after.text = *changes.text;
  if (changes.occurred_at) after.occurred_at = core::to_micros(*changes.occurred_at);
  if (auto s =
          check_content(after.kind, after.text, core::from_micros(after.occurred_at), clock_.now());
      !s) {
    return s.error();
  }
  if (after.kind == before->kind && after.text == before->text &&
      after.occurred_at == before->occurred_at) {
    return before;
  }
  after.updated_at = core::to_micros(clock_.now());
  if (auto s = store::ServiceRecordRepository(db).update(after); !s) return s.error();
  if (auto s = append(events_, db, actor, "service_record.updated", *before, after); !s) {
    return s.error();
  }
  if (auto s = write->commit(); !s) return s.error();
  return after;
}

core::Status ServiceRecordService::remove(std::int64_t id, const auth::Principal& caller,
                                          const auth::Actor& actor) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto write = store::WriteTransaction::begin(store_);
  if (!write) return write.error();
  auto& db = write->connection();
  auto before = load_own(db, id, caller, *scope);
  if (!before) return before.error();
  if (auto s = store::ServiceRecordRepository(db).remove(id); !s) return s;
  if (auto s = append(events_, db, actor, "service_record.deleted", *before, std::nullopt); !s) {
    return s;
  }
  return write->commit();
}

core::Result<store::ServiceRecord> ServiceRecordService::get(std::int64_t id,
                                                             const auth::Principal& caller) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  store::ServiceRecordRepository records(**connection);
  auto visible = records.visible(id, caller.user_id, scope->records());
  if (!visible) return visible.error();
  auto found = records.find(id);
  if (!found) return found.error();
  if (!*visible || !*found) return Error::not_found("no service record " + std::to_string(id));
  return std::move(**found);
}

core::Result<ServiceRecordPage> ServiceRecordService::list(const store::ServiceRecordFilter& filter,
                                                           const auth::Principal& caller) {
  auto scope = scopes_.of(caller);
  if (!scope) return scope.error();
  auto connection = store_.acquire();
  if (!connection) return connection.error();
  auto records =
      store::ServiceRecordRepository(**connection).list(filter, caller.user_id, scope->records());
  if (!records) return records.error();
  ServiceRecordPage page;
  if (records->size() > static_cast<std::size_t>(filter.limit)) {
    records->pop_back();
    page.next_after_id = records->back().id;
  }
  page.records = std::move(*records);
  return page;
}

}  // namespace laurel::crm
