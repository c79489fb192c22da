#include "resolve/doc_state.h"

namespace kg {

void add_references(DocState& st, const Matcher& matcher) {}

}  // namespace kg
