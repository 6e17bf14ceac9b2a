// Internal: the libxlsxwriter calls the XLSX writer makes, as a table a module
// fills (module.hpp), so that a run writing other formats never maps it.
#pragma once

#include <xlsxwriter.h>

namespace inspex::backend {

// The library's own functions, by name; only its header's types cross.
struct XlsxBackend {
    decltype(&::workbook_new_opt) workbook_new_opt;
    decltype(&::workbook_add_worksheet) workbook_add_worksheet;
    decltype(&::workbook_add_format) workbook_add_format;
    decltype(&::workbook_close) workbook_close;
    decltype(&::lxw_strerror) lxw_strerror;
    decltype(&::format_set_bold) format_set_bold;
    decltype(&::format_set_text_wrap) format_set_text_wrap;
    decltype(&::format_set_align) format_set_align;
    decltype(&::format_set_bg_color) format_set_bg_color;
    decltype(&::format_set_num_format) format_set_num_format;
    decltype(&::worksheet_set_row) worksheet_set_row;
    decltype(&::worksheet_write_number) worksheet_write_number;
    decltype(&::worksheet_write_datetime) worksheet_write_datetime;
    decltype(&::worksheet_write_string) worksheet_write_string;
    decltype(&::worksheet_set_column) worksheet_set_column;
    decltype(&::worksheet_set_column_opt) worksheet_set_column_opt;
    decltype(&::worksheet_freeze_panes) worksheet_freeze_panes;
    decltype(&::worksheet_autofilter) worksheet_autofilter;
    decltype(&::worksheet_set_landscape) worksheet_set_landscape;
    decltype(&::worksheet_set_paper) worksheet_set_paper;
    decltype(&::worksheet_fit_to_pages) worksheet_fit_to_pages;
    decltype(&::worksheet_repeat_rows) worksheet_repeat_rows;
    decltype(&::worksheet_set_margins) worksheet_set_margins;
    decltype(&::worksheet_set_footer) worksheet_set_footer;
    decltype(&::worksheet_outline_settings) worksheet_outline_settings;
};

} // namespace inspex::backend

// The module's one exported symbol; the version in its name changes with XlsxBackend.
extern "C" const inspex::backend::XlsxBackend *inspex_xlsx_backend_v1();
