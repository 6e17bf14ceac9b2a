// The XLSX backend (xlsx_backend.hpp): libxlsxwriter's functions, built as
// the module inspex-xlsx, or into the library with INSPEX_STATIC_BACKENDS.
#include "xlsx_backend.hpp"

namespace inspex::backend {
namespace {

constexpr XlsxBackend kLibxlsxwriter{
    ::workbook_new_opt,
    ::workbook_add_worksheet,
    ::workbook_add_format,
    ::workbook_close,
    ::lxw_strerror,
    ::format_set_bold,
    ::format_set_text_wrap,
    ::format_set_align,
    ::format_set_bg_color,
    ::format_set_num_format,
    ::worksheet_set_row,
    ::worksheet_write_number,
    ::worksheet_write_datetime,
    ::worksheet_write_string,
    ::worksheet_set_column,
    ::worksheet_set_column_opt,
    ::worksheet_freeze_panes,
    ::worksheet_autofilter,
    ::worksheet_set_landscape,
    ::worksheet_set_paper,
    ::worksheet_fit_to_pages,
    ::worksheet_repeat_rows,
    ::worksheet_set_margins,
    ::worksheet_set_footer,
    ::worksheet_outline_settings,
};

} // namespace
} // namespace inspex::backend

extern "C" __attribute__((visibility("default"))) const inspex::backend::XlsxBackend *
inspex_xlsx_backend_v1() {
    return &inspex::backend::kLibxlsxwriter;
}
