"""What reading and writing files says, in both languages: the XLSX and CSV readers on a damaged,
hostile or oversized table, what a name that is not a regular file is, and why the system refused.

Registered into the one catalogue by `cluster_assess.i18n`.
"""

from __future__ import annotations

TEXT: dict[str, dict[str, str]] = {
    # the XML parts of a workbook
    "xl_dtd": {"zh": "工作簿部件 {part} 声明了 DTD 或实体（<!DOCTYPE 或 <!ENTITY>），Excel 写出的工作簿从不这样做；"
                     "实体可以膨胀到数 GB，或读取其他文件，因此不读取、直接拒绝",
               "en": "the part {part} declares a DTD or an entity (<!DOCTYPE or <!ENTITY>), which no Excel workbook "
                     "does; it is refused unread, since entities can expand to gigabytes or read other files"},
    "xl_part_large": {"zh": "工作簿部件 {part} 解压后的 XML 超过 {mib} MiB；工作簿过大，或是“压缩炸弹”",
                      "en": "the part {part} is more than {mib} MiB of XML once unpacked; the workbook is too large "
                            "or is a zip bomb"},
    "xl_part_nul": {"zh": "工作簿部件 {part} 不是 UTF-8 编码的 XML（含有 NUL 字节）；"
                          "工作簿已损坏，或不是电子表格软件写出的",
                    "en": "the part {part} is not UTF-8 XML (it holds NUL bytes); the workbook is damaged or was not "
                          "written by a spreadsheet program"},
    "xl_part_stall": {"zh": "工作簿部件 {part} 中有一个超过 {mib} MiB 的 XML 标签、注释或值；工作簿已损坏或带有恶意",
                      "en": "the part {part} holds an XML tag, comment or value of more than {mib} MiB; the workbook "
                            "is damaged or hostile"},
    "xl_part_xml": {"zh": "工作簿部件 {part} 不是格式正确的 XML（第 {line} 行第 {column} 列：{reason}）；工作簿已损坏，"
                          "请在 Excel 中打开后重新保存",
                    "en": "the part {part} is not well-formed XML (line {line}, column {column}: {reason}); the "
                          "workbook is damaged — open it in Excel and save it again"},
    "xl_part_unpack": {"zh": "工作簿部件 {part} 无法解压（{kind}：{reason}）；工作簿已损坏",
                       "en": "the part {part} cannot be unpacked ({kind}: {reason}); the workbook is damaged"},
    # the workbook's structure
    "xl_cannot_open": {"zh": "无法读取这个工作簿：{reason}", "en": "cannot read this workbook: {reason}"},
    "xl_members": {"zh": "工作簿含有 {n} 个部件；超过 {most} 个部件的文件无法作为工作簿读取",
                   "en": "the workbook holds {n} parts; more than {most} is not a workbook we can read"},
    "xl_no_workbook": {"zh": "这个 zip 文件里没有工作簿（缺少 xl/workbook.xml）；它是 .xlsx 文件吗？",
                       "en": "this zip file holds no workbook (xl/workbook.xml is missing); is it an .xlsx file?"},
    "xl_no_sheets": {"zh": "工作簿里没有工作表", "en": "the workbook has no sheets"},
    "xl_sheet_no_rel": {"zh": "工作簿列出了工作表 {name!r}，却没有说明它存放在哪个部件（缺少关系记录）；工作簿已损坏",
                        "en": "the workbook names sheet {name!r} but does not say which part holds it (its "
                              "relationship is missing); the workbook is damaged"},
    "xl_sheet_missing": {"zh": "工作簿列出了工作表 {name!r}，但文件中缺少它的部件 {part}；工作簿已损坏",
                         "en": "the workbook names sheet {name!r}, but its part {part} is missing from the file; the "
                               "workbook is damaged"},
    "xl_text_large": {"zh": "工作簿中的文字超过 {most} 个字符，过大无法读取（请拆分为几个文件）",
                      "en": "the workbook holds more than {most} characters of text; it is too large to read (split "
                            "it into several files)"},
    "xl_shared_many": {"zh": "工作簿的共享字符串表（{part}）超过 {most} 条，过大无法读取",
                       "en": "the workbook's table of shared strings ({part}) holds more than {most} entries; it is "
                             "too large"},
    "xl_shared_long": {"zh": "第 {index} 条共享字符串（{part}）超过 {most} 个字符，比 Excel 允许一个单元格容纳的还多；"
                             "工作簿已损坏，或不是电子表格软件写出的",
                       "en": "shared string {index} ({part}) is longer than {most} characters, more than Excel lets a "
                             "cell hold; the workbook is damaged or was not written by a spreadsheet program"},
    # rows and cells
    "xl_cell_long": {"zh": "该单元格超过 {most} 个字符，比 Excel 允许一个单元格容纳的还多；"
                           "工作簿已损坏，或不是电子表格软件写出的",
                     "en": "the cell holds more than {most} characters, more than Excel lets a cell hold; the "
                           "workbook is damaged or was not written by a spreadsheet program"},
    "xl_row_name": {"zh": "有一行的行号写作 {ref!r}，这不是行号；工作簿已损坏",
                    "en": "a row is numbered {ref!r}, which is not a row number; the workbook is damaged"},
    "xl_row_range": {"zh": "有一行的行号是 {n}；工作表的行号只能是 1 到 {most}，因此工作簿已损坏",
                     "en": "a row is numbered {n}; sheets have rows 1 to {most}, so the workbook is damaged"},
    "xl_row_order": {"zh": "第 {n} 行出现在第 {previous} 行之后；行必须按顺序排列，因此工作簿已损坏",
                     "en": "row {n} comes after row {previous}; rows must be in order, so the workbook is damaged"},
    "xl_cell_name": {"zh": "有一个单元格名为 {ref!r}，这不是 B7 这样的单元格地址；工作簿已损坏",
                     "en": "a cell is named {ref!r}, which is not a cell reference like B7; the workbook is damaged"},
    "xl_cell_row": {"zh": "单元格 {ref} 写在第 {row} 行里；工作簿已损坏",
                    "en": "cell {ref} is written inside row {row}; the workbook is damaged"},
    "xl_cell_column": {"zh": "有一个单元格位于第 {n} 列；工作表只有 A 到 XFD 列，因此工作簿已损坏",
                       "en": "a cell lies in column {n}; sheets have columns A to XFD, so the workbook is damaged"},
    "xl_cell_twice": {"zh": "单元格 {ref} 出现两次或顺序错乱；工作簿已损坏",
                      "en": "cell {ref} appears twice or out of order; the workbook is damaged"},
    "xl_rows_limit": {"zh": "工作表第 {n} 行有数据；工作表最多读到第 {most} 行（表头下 {below} 行）。请拆分为几个文件",
                      "en": "the sheet has data in row {n}; sheets are read up to row {most} ({below} rows below the "
                            "header). Split it into several files"},
    "xl_columns_limit": {"zh": "工作表 {column} 列有数据；工作表最多读到 {last} 列（{most} 列）",
                         "en": "the sheet has data in column {column}; sheets are read up to column {last} ({most} "
                               "columns)"},
    "xl_cells_limit": {"zh": "工作表中有值的单元格超过 {most} 个，过大无法读取（请拆分为几个文件）",
                       "en": "the sheet holds more than {most} cells with a value; it is too large to read (split it "
                             "into several files)"},
    "xl_shared_ref": {"zh": "单元格 {ref} 引用第 {index!r} 条共享字符串，但工作簿只有 {n} 条；工作簿已损坏",
                      "en": "cell {ref} refers to shared string {index!r}, but the workbook holds {n}; the workbook "
                            "is damaged"},
    "xl_bool": {"zh": "单元格 {ref} 是“是/否”类型，却写着 {text!r}；工作簿已损坏",
                "en": "cell {ref} is a yes/no cell holding {text!r}; the workbook is damaged"},
    "xl_date": {"zh": "单元格 {ref} 是日期类型，却写着 {text!r}，不是日期",
                "en": "cell {ref} is a date cell holding {text!r}, which is not a date"},
    "xl_type": {"zh": "单元格 {ref} 的类型 {kind!r} 无法识别；工作簿已损坏",
                "en": "cell {ref} has the unknown type {kind!r}; the workbook is damaged"},
    "xl_number": {"zh": "单元格 {ref} 是数字类型，却写着 {text!r}，不是 Excel 会写出的数字"
                        "（不允许 NaN、INF 和十六进制）；"
                        "工作簿已损坏",
                  "en": "cell {ref} is a number cell holding {text!r}, which is not a number Excel writes (NaN, INF "
                        "and hexadecimal are not allowed); the workbook is damaged"},
    "xl_number_large": {"zh": "单元格 {ref} 中的数字 {text!r} 太大，不是有效数字",
                        "en": "cell {ref} holds the number {text!r}, which is too large to be a number"},
    # CSV files
    "csv_too_large": {"zh": "CSV 文件超过 {mib} MiB；CSV 表格以此为限",
                      "en": "the CSV file is over {mib} MiB; CSV sheets are limited to that"},
    "csv_binary": {"zh": "这是二进制文件，不是 CSV 文本；请将表格另存为 CSV（UTF-8）或 .xlsx",
                   "en": "this is a binary file, not CSV text; save the sheet as CSV (UTF-8) or .xlsx"},
    "csv_mixed_utf8_first": {"zh": "第 {row} 行不是 UTF-8（字节 0x{byte}），而前面各行是："
                                   "文件混用了两种编码，可能是从 GBK 文件粘贴过来的单元格。"
                                   "程序没有猜测；请重新另存为“CSV UTF-8”",
                             "en": "row {row} is not UTF-8 (byte 0x{byte}), though the rows before it are: the file "
                                   "mixes two encodings, perhaps a cell pasted from a GBK file. Nothing was guessed; "
                                   "save the file again as CSV UTF-8"},
    "csv_mixed_gbk_first": {"zh": "第 {row} 行是 UTF-8 编码，而前面各行是 GBK：文件混用了两种编码。程序没有猜测；"
                                  "请重新另存为“CSV UTF-8”",
                            "en": "row {row} is written in UTF-8, but the rows before it in GBK: the file mixes two "
                                  "encodings. Nothing was guessed; save the file again as CSV UTF-8"},
    "csv_undecodable": {"zh": "文件既不是 UTF-8 也不是 GBK 文本"
                              "（第 {row} 行有无法解码的字节 0x{byte}）；请另存为“CSV UTF-8”",
                        "en": "the file is neither UTF-8 nor GBK text (undecodable byte 0x{byte} in row {row}); save "
                              "it as CSV UTF-8"},
    "csv_field_long": {"zh": "第 {row} 行有一个字段超过 {most} 个字符；档案或数据表的单元格不会这么长",
                       "en": "row {row} has a field longer than {most} characters; no cell of a profile or table is "
                             "that long"},
    "csv_invalid": {"zh": "第 {row} 行不是有效的 CSV（{reason}）；请检查引号",
                    "en": "row {row} is not valid CSV ({reason}); check its quotes"},
    "csv_columns": {"zh": "该行有 {n} 个字段；数据表最多读取 {most} 列",
                    "en": "the row has {n} fields; tables are read up to {most} columns"},
    "csv_rows": {"zh": "文件第 {n} 行有数据；文件最多读到第 {most} 行（表头下 {below} 行）。请拆分为几个文件",
                 "en": "the file has data in row {n}; files are read up to row {most} ({below} rows below the header). "
                       "Split it into several files"},
    "csv_cells": {"zh": "文件超过 {cells} 个单元格或 {chars} 个字符，过大无法读取",
                  "en": "the file holds more than {cells} cells or {chars} characters; it is too large to read"},
    "csv_line_long": {"zh": "第 {n} 行超过 {most} 个字符；档案或数据表的一行不会这么长",
                      "en": "line {n} is longer than {most} characters; no row of a profile or table is that long"},
    # a name that is not a regular file (io.files): what it is, and what was to be read from it
    "kind_folder": {"zh": "一个文件夹", "en": "a folder"},
    "kind_fifo": {"zh": "一个命名管道（FIFO）", "en": "a named pipe (FIFO)"},
    "kind_socket": {"zh": "一个套接字", "en": "a socket"},
    "kind_device": {"zh": "一个设备", "en": "a device"},
    "kind_other": {"zh": "不是普通文件", "en": "not a regular file"},
    "not_regular": {"zh": "这是{kind}，不是文件；{what}只从普通文件读取",
                    "en": "this is {kind}, not a file; {what} are read from regular files only"},
    "reads_tables": {"zh": "数据表", "en": "tables"},
    "reads_workbooks": {"zh": "工作簿", "en": "workbooks"},
    "reads_csv": {"zh": "CSV 表格", "en": "CSV sheets"},
    "reads_sheets": {"zh": "集群档案表格", "en": "sheets of profiles"},
    "reads_yaml": {"zh": "档案和评估规则", "en": "profiles and rubrics"},
    # why the system refused (io.files.os_reason): the system's words in English, ours in Chinese
    "os_EACCES": {"zh": "没有权限", "en": "Permission denied"},
    "os_EPERM": {"zh": "不允许此操作", "en": "Operation not permitted"},
    "os_ENOENT": {"zh": "文件或文件夹不存在", "en": "No such file or directory"},
    "os_EISDIR": {"zh": "这是一个文件夹", "en": "Is a directory"},
    "os_ENOTDIR": {"zh": "路径中有一段不是文件夹", "en": "Not a directory"},
    "os_ENOSPC": {"zh": "磁盘空间不足", "en": "No space left on device"},
    "os_EDQUOT": {"zh": "超出磁盘配额", "en": "Disk quota exceeded"},
    "os_EROFS": {"zh": "文件系统是只读的", "en": "Read-only file system"},
    "os_ENAMETOOLONG": {"zh": "文件名太长", "en": "File name too long"},
    "os_ELOOP": {"zh": "符号链接层数过多（可能循环指向自身）", "en": "Too many levels of symbolic links"},
    "os_EBUSY": {"zh": "文件正被占用", "en": "Device or resource busy"},
    "os_EIO": {"zh": "读写设备出错", "en": "Input/output error"},
    "os_EMFILE": {"zh": "同时打开的文件过多", "en": "Too many open files"},
    "os_ETXTBSY": {"zh": "文件正被运行的程序占用", "en": "Text file busy"},
    # writing (io.atomic, io.output)
    "write_failed": {"zh": "无法写入该文件：{reason}", "en": "cannot write the file: {reason}"},
    "write_failed_kept": {"zh": "无法写入该文件：{reason}；原有文件未改动",
                          "en": "cannot write the file: {reason}; the existing file is unchanged"},
    "write_raced": {"zh": "写入期间该文件被其他程序改动；没有写入任何内容，请重新运行命令",
                    "en": "the file was changed by another program while this run was writing it; nothing was "
                          "written — run the command again"},
    "write_dangling_link": {"zh": "输出位置是一个指向不存在文件的符号链接；请删除该链接或换一个文件名",
                            "en": "the output is a symbolic link to a file that does not exist; remove the link or "
                                  "give another name"},
    # sheets of profiles (io.spreadsheets)
    "sheet_too_large": {"zh": "文件有 {mib} MiB；集群档案表格以 {most} MiB 为限",
                        "en": "the file is {mib} MiB; sheets are limited to {most} MiB"},
    "csv_towns_too_large": {"zh": "CSV 文件有 {mib} MiB；集群档案 CSV 表格以 {most} MiB 为限",
                            "en": "the CSV file is {mib} MiB; CSV sheets of towns are limited to {most} MiB"},
    "write_same_file": {"zh": "{option} 和 --output 指向同一个文件；请给出不同的文件名",
                        "en": "{option} and --output name the same file; give them different names"},
    # reading reports (extract) and writing templates (init)
    "ex_read_folder": {"zh": "这是一个文件夹；请给出报告文件（.txt、.md、.docx 或 .pdf）",
                       "en": "this is a folder; give the report's file (.txt, .md, .docx or .pdf)"},
    "ex_read_empty": {"zh": "文档中没有可读的文字（是空的，或只有数字和符号）",
                      "en": "the document has no text to read (it is empty, or only numbers and signs)"},
    "ex_read_binary": {"zh": "这是二进制文件，不是文本；请给出 .txt 或 .md 报告（UTF-8 或 GBK）"
                             "、.docx 或有文字层的 PDF",
                       "en": "this is a binary file, not text; give a .txt or .md report (UTF-8 or GBK), a .docx or a "
                             "text PDF"},
    "ex_kind_docx": {"zh": "一个 .docx（Word）文件", "en": "a .docx (Word) file"},
    "ex_kind_pdf": {"zh": "一个 PDF", "en": "a PDF"},
    "ex_read_looks_like": {"zh": "这看起来是{kind}；请给它相应的文件扩展名",
                           "en": "this looks like {kind}; give it the matching file name ending"},
    "ex_read_docx": {"zh": "无法作为 Word（.docx）文档读取：{kind}；请在 Word 中重新另存为 .docx，或存为文本（.txt）",
                     "en": "cannot read this as a Word (.docx) document: {kind}; save it again from Word as .docx, or "
                           "as text (.txt)"},
    "ex_read_pdf_encrypted": {"zh": "PDF 已加密；请另存一份未加密的副本，或把文字复制到 .txt 文件",
                              "en": "the PDF is encrypted; save an unprotected copy, or copy its text into a .txt"},
    "ex_read_pdf": {"zh": "无法读取这个 PDF（{kind}）；它可能已损坏，请把文字复制到 .txt 文件",
                    "en": "cannot read this PDF ({kind}); it may be damaged — copy its text into a .txt file"},
    "ex_read_pdf_scan": {"zh": "PDF 没有文字层（是扫描件？）；请先做文字识别（OCR），或把文字复制到 .txt 文件",
                         "en": "the PDF has no text layer (a scan?); run it through OCR or copy its text into a .txt "
                               "file"},
    "ex_into_output": {"zh": "--into 直接写入该档案本身，不能再用 -o",
                       "en": "--into writes into the profile itself; it takes no -o"},
    "ex_into_missing": {"zh": "找不到档案；--into 只能补充到已有的档案中",
                        "en": "profile not found; --into adds to an existing profile"},
    "ex_into_not_group": {"zh": "'{key}' 是单个值，但事实要作为一组写在它下面",
                          "en": "'{key}' is a single value, but facts go inside it as a group"},
    "init_xlsx_name": {"zh": "模板是 Excel 工作簿；请给出以 .xlsx 结尾的文件名",
                       "en": "the template is an Excel workbook; give a file name ending in .xlsx"},
    "init_xlsx_options": {"zh": "--xlsx 写出供多个集群填写的工作簿，不能再用 -o 或 --industry",
                          "en": "--xlsx writes a workbook for many towns; it takes no -o or --industry"},
    "init_xlsx_wrote": {"zh": "已写出 {file}，共 {count} 列；未知的事实请留空",
                        "en": "wrote {file} with {count} columns; leave a cell blank when the fact is unknown"},
    "rank_method_choice": {"zh": "--method：请选择 index、topsis 或 gra，而不是 {method!r}",
                           "en": "--method: choose index, topsis or gra, not {method!r}"},
    # the rubric cache (rubric.cache)
    "cache_unused": {"zh": "警告：不使用评估规则缓存 {folder}：{problem}",
                     "en": "warning: not using the rubric cache {folder}: {problem}"},
    "cache_not_folder": {"zh": "它不是文件夹（是符号链接？）", "en": "it is not a folder (a symbolic link?)"},
    "cache_foreign": {"zh": "它属于另一个用户", "en": "it belongs to another user"},
    "cache_writable": {"zh": "其他用户可以写入（执行 chmod 700 后即可使用）",
                       "en": "others may write to it (chmod 700 it to use it)"},
    # indicators and reports
    "into_unreadable": {"zh": "无法读取该档案：{reason}", "en": "cannot read the profile: {reason}"},
    "into_is_output": {"zh": "-o 指向 --into 的档案；报告会覆盖档案，请把报告写到别处",
                       "en": "-o names the --into profile; the report would replace the profile — write the report elsewhere"},
    "report_format_suffix": {"zh": "注意：把 {format} 写入 {file}，但其扩展名对应 {implied}",
                             "en": "note: writing {format} to {file}, whose extension suggests {implied}"},
    "write_over_input": {"zh": "输出就是输入 {name!r}；写入会毁掉这个输入，请换一个输出文件",
                         "en": "the output is the input {name!r}; writing it would destroy that input — choose another output file"},
    "yaml_too_large": {"zh": "文件超过 {mib} MiB；档案和评估规则以 {mib} MiB 为限",
                       "en": "the file is over {mib} MiB; profiles and rubrics are limited to {mib} MiB"},
    "yaml_alias_bomb": {"zh": "文档经别名（*name）展开后超过 {million} 百万个字符；已拒绝（别名炸弹？）",
                        "en": "the document expands to more than {million} million characters of text through aliases (*name); refused (an alias bomb?)"},
    "report_docx_terminal": {"zh": "Word 文档是二进制文件，不能输出到终端；请用 -o 指定文件，如 -o 报告.docx",
                             "en": "a Word document is binary and cannot go to the terminal; name a file with -o, e.g. -o report.docx"},
}
