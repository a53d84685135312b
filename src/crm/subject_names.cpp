#include "crm/subject_names.hpp"

#include "store/client_repository.hpp"
#include "store/department_repository.hpp"
#include "store/product_repository.hpp"
#include "store/staff_repository.hpp"

namespace laurel::crm {
namespace {

template <class Found>
core::Result<std::optional<std::string>> name_of(Found found) {
  if (!found) return found.error();
  if (!*found) return std::optional<std::string>();
  return std::optional<std::string>((*found)->name);
}

}  // namespace

core::Result<std::optional<std::string>> subject_name(store::Connection& db,
                                                      engine::SubjectKind kind, std::int64_t id) {
  switch (kind) {
    case engine::SubjectKind::company:
      return std::optional<std::string>();
    case engine::SubjectKind::department:
      return name_of(store::DepartmentRepository(db).find(id));
    case engine::SubjectKind::staff:
      return name_of(store::StaffRepository(db).find(id));
    case engine::SubjectKind::client:
      return name_of(store::ClientRepository(db).find(id));
    case engine::SubjectKind::product:
      return name_of(store::ProductRepository(db).find(id));
  }
  return std::optional<std::string>();
}

}  // namespace laurel::crm
