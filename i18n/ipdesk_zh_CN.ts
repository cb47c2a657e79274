<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionView</name>
    <message>
        <source>&amp;Ground:</source>
        <translation>不予受理情形(&amp;G)：</translation>
    </message>
    <message>
        <source>&amp;Due by:</source>
        <translation>补正期限(&amp;D)：</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Materials to hand in (one per line):</source>
        <translation>需补正的材料（每行一项）：</translation>
    </message>
    <message>
        <source>Print the correction notice</source>
        <translation>打印补正通知书</translation>
    </message>
    <message>
        <source>Note (optional):</source>
        <translation>备注（可不填）：</translation>
    </message>
    <message>
        <source>Print the acceptance receipt</source>
        <translation>打印受理回执</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>理由：</translation>
    </message>
    <message>
        <source>Print the rejection notice</source>
        <translation>打印不予受理通知书</translation>
    </message>
    <message>
        <source>Clerk&apos;s opinion:</source>
        <translation>初审意见：</translation>
    </message>
    <message>
        <source>Submit for review at once</source>
        <translation>同时提交审核</translation>
    </message>
    <message>
        <source>Opinion (optional):</source>
        <translation>审核意见（可不填）：</translation>
    </message>
    <message>
        <source>Reason for returning:</source>
        <translation>退回理由：</translation>
    </message>
    <message>
        <source>Reason for refusing:</source>
        <translation>不予资助的理由：</translation>
    </message>
    <message>
        <source>Step: %1</source>
        <translation>办理：%1</translation>
    </message>
    <message>
        <source> (not applicable)</source>
        <translation>（不适用）</translation>
    </message>
    <message>
        <source>Please fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
</context>
<context>
    <name>Admin</name>
    <message>
        <source>&amp;1 Users</source>
        <translation>&amp;1 用户</translation>
    </message>
    <message>
        <source>&amp;2 Backup and restore</source>
        <translation>&amp;2 备份与恢复</translation>
    </message>
    <message>
        <source>&amp;3 Integrity</source>
        <translation>&amp;3 完整性检查</translation>
    </message>
    <message>
        <source>&amp;4 Audit log</source>
        <translation>&amp;4 审计日志</translation>
    </message>
    <message>
        <source>&amp;5 Policy</source>
        <translation>&amp;5 资助政策</translation>
    </message>
    <message>
        <source>&amp;6 LPR</source>
        <translation>&amp;6 LPR利率</translation>
    </message>
</context>
<context>
    <name>AdminAudit</name>
    <message>
        <source>Everyone</source>
        <translation>全部用户</translation>
    </message>
    <message>
        <source>No single case matches “%1”.</source>
        <translation>没有唯一对应“%1”的案件，请输入完整的案件编号（如 18 或 2024-18）。</translation>
    </message>
    <message>
        <source>Records %1–%2 of %3, newest first.</source>
        <translation>第 %1–%2 条，共 %3 条（最新的在前）。</translation>
    </message>
    <message>
        <source>No record matches.</source>
        <translation>没有符合条件的记录。</translation>
    </message>
    <message>
        <source>Before (as stored):</source>
        <translation>修改前（原始记录）：</translation>
    </message>
    <message>
        <source>After (as stored):</source>
        <translation>修改后（原始记录）：</translation>
    </message>
</context>
<context>
    <name>AdminAuditView</name>
    <message>
        <source>&amp;User:</source>
        <translation>用户(&amp;U)：</translation>
    </message>
    <message>
        <source>case number, e.g. 18 or 2024-18</source>
        <translation>案件编号，如 18 或 2024-18</translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation>案件(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>日期从(&amp;D)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>查询(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Newest</source>
        <translation>最新(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation>上一页(&amp;P)</translation>
    </message>
    <message>
        <source>Ne&amp;xt page</source>
        <translation>下一页(&amp;X)</translation>
    </message>
</context>
<context>
    <name>AdminBackup</name>
    <message>
        <source>The database has never been backed up. Back it up now to a USB stick (Administration → Backup and restore).</source>
        <translation>数据库从未备份。请立即备份到U盘（系统管理 → 备份与恢复）。</translation>
    </message>
    <message>
        <source>The last backup was made %1, more than %2 days ago. Back up now to a USB stick (Administration → Backup and restore).</source>
        <translation>最近一次备份于 %1，已超过 %2 天。请立即备份到U盘（系统管理 → 备份与恢复）。</translation>
    </message>
    <message>
        <source>Backup reminder</source>
        <translation>备份提醒</translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation>尚未做过备份。</translation>
    </message>
    <message>
        <source>Last backup: %1, to %2</source>
        <translation>最近一次备份：%1，备份到 %2</translation>
    </message>
    <message>
        <source>Database in use: %1 — %2</source>
        <translation>当前数据库：%1 — %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>%1 case(s), %4 project(s), %2 audit record(s), last change %3</source>
        <translation>案件 %1 件，培育项目 %4 个，审计记录 %2 条，最后修改于 %3</translation>
    </message>
    <message>
        <source>Choose the folder for the backup (e.g. the USB stick)</source>
        <translation>选择备份文件夹（如U盘）</translation>
    </message>
    <message>
        <source>Backed up to %1 (%2 KB), checked.</source>
        <translation>已备份到 %1（%2 KB），并已校验。</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份文件</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>正在校验备份文件…</translation>
    </message>
    <message>
        <source>%1

This backup cannot be vouched for. Restore it anyway, for disaster recovery only? The override and the problems above are recorded in the restored database&apos;s audit.</source>
        <translation>%1

此备份的审计记录无法核实。仅在灾难恢复确有必要时，是否仍然强制恢复？强制恢复及上述问题将记入恢复后数据库的审计记录。</translation>
    </message>
    <message>
        <source>Replace the database in use
  %1
  (%2)
by the backup
  %3
  (%4 case(s), %7 project(s), %5 audit record(s), last change %6; checked, intact)?

Everything entered since that backup — cases, decisions, notices, payouts, users — is replaced. A safety copy of the database in use is kept next to it.</source>
        <translation>是否用备份文件
  %3
  （案件 %4 件，培育项目 %7 个，审计记录 %5 条，最后修改于 %6；已校验，完好）
替换当前数据库
  %1
  （%2）？

该备份之后录入的全部内容（案件、培育项目、审核决定、公示、兑现、用户）都将被替换。当前数据库会在同一文件夹中保留一份安全副本。</translation>
    </message>
    <message>
        <source>The backup is from an older version; it is upgraded.</source>
        <translation>该备份来自旧版本，恢复时将自动升级。</translation>
    </message>
    <message>
        <source>Not restored.</source>
        <translation>未恢复。</translation>
    </message>
    <message>
        <source>Restored from %1. The database as it was is kept as %2.</source>
        <translation>已从 %1 恢复。恢复前的数据库已保留为 %2。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
    </message>
</context>
<context>
    <name>AdminBackupView</name>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Back up at least once a week to a USB stick or another disk kept away from this PC. The copy is made while the program stays open, and checked before it is kept.</source>
        <translation>请至少每周备份一次，备份到U盘或不放在本机旁的其他磁盘。备份时无需退出程序，备份文件保存前会经过校验。</translation>
    </message>
    <message>
        <source>&amp;Back up to a folder…</source>
        <translation>备份到文件夹(&amp;B)…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restoring replaces everything in the database in use by the backup: cases, users, notices and the audit log. The backup is checked first (its integrity and its audit chain), and a safety copy of the current database is kept.</source>
        <translation>恢复备份将用备份文件替换当前数据库的全部内容：案件、用户、公示和审计日志。恢复前先校验备份文件（文件完整性和审计链），并保留当前数据库的安全副本。</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>AdminIntegrity</name>
    <message>
        <source>Not checked yet in this session.</source>
        <translation>本次登录后尚未检查。</translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation>检查无法进行：%1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Intact (checked %1).</source>
        <translation>完好（检查时间 %1）。</translation>
    </message>
    <message>
        <source>Problems found (checked %1). Restore the last good backup and tell the developer.</source>
        <translation>发现问题（检查时间 %1）。请恢复最近一次完好的备份，并告知开发人员。</translation>
    </message>
</context>
<context>
    <name>AdminIntegrityView</name>
    <message>
        <source>Checks every page of the database file (PRAGMA integrity_check) and walks the audit log from its first record, recomputing each record&apos;s hash: an edit, a deletion or damage is named by its record number.</source>
        <translation>逐页检查数据库文件（PRAGMA integrity_check），并从第一条记录起逐条重新计算审计日志的哈希值：任何修改、删除或损坏都会指明其记录编号。</translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation>立即检查(&amp;C)</translation>
    </message>
</context>
<context>
    <name>AdminLprView</name>
    <message>
        <source>The interest subsidy uses the loan prime rate in force on the loan&apos;s date. When the People&apos;s Bank publishes a new rate, add it here with the day it takes effect; approved cases keep the rate they were approved with.</source>
        <translation>贴息按贷款发放日适用的贷款市场报价利率（LPR）计算。中国人民银行授权发布新的LPR后，请在此按生效日期添加；已审核通过的案件仍按审核通过时的利率计算。</translation>
    </message>
    <message>
        <source>Add a newly published rate</source>
        <translation>添加新发布的利率</translation>
    </message>
    <message>
        <source>where it was published</source>
        <translation>发布来源</translation>
    </message>
    <message>
        <source>In &amp;force from:</source>
        <translation>生效日期(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;1-year:</source>
        <translation>1年期(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;5-year+:</source>
        <translation>5年期以上(&amp;W)：</translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation>备注(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AdminPolicy</name>
    <message>
        <source>Policy folder (shared by every counter): %1</source>
        <translation>政策文件夹（各窗口共用）：%1</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未设置</translation>
    </message>
    <message>
        <source>New cases are registered under: %1 %2 (%3, version %4)</source>
        <translation>新登记案件适用：%1年度 %2（%3，版本 %4）</translation>
    </message>
    <message>
        <source>Policy folder</source>
        <translation>政策文件夹</translation>
    </message>
    <message>
        <source>Import a policy file</source>
        <translation>导入政策文件</translation>
    </message>
    <message>
        <source>Policy files (*.toml)</source>
        <translation>政策文件 (*.toml)</translation>
    </message>
    <message>
        <source>Imported %1 (%2, version %3) into %4; every check passed.</source>
        <translation>已导入 %1（%2，版本 %3）到 %4，各项检查均通过。</translation>
    </message>
    <message>
        <source>Changes from %1:</source>
        <translation>与 %1 相比的变化：</translation>
    </message>
    <message>
        <source>%1 compared with %2: %3 value(s) differ</source>
        <translation>%1 与 %2 比较：共 %3 处不同</translation>
    </message>
    <message>
        <source>%1 has no test cases yet.</source>
        <translation>%1 还没有测算用例。</translation>
    </message>
    <message>
        <source>%1 test case(s): %2 held, %3 failed</source>
        <translation>共 %1 条测算用例：通过 %2 条，未通过 %3 条</translation>
    </message>
    <message>
        <source>Activate for new cases</source>
        <translation>设为新案件适用</translation>
    </message>
    <message>
        <source>Register new cases under %1 %2 (%3, version %4)? Cases already registered keep the programme they were registered under.</source>
        <translation>今后新登记的案件按 %1年度 %2（%3，版本 %4）办理吗？已登记的案件仍按其登记时的政策办理。</translation>
    </message>
    <message>
        <source>%1, version %2 — from the policy file %3</source>
        <translation>%1，版本 %2 — 政策文件 %3</translation>
    </message>
    <message>
        <source>Write a whole number, or leave it empty.</source>
        <translation>请填写整数，或留空。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>AdminPolicyView</name>
    <message>
        <source>&amp;Programme:</source>
        <translation>资助项目(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation>全部展开(&amp;E)</translation>
    </message>
    <message>
        <source>C&amp;ollapse</source>
        <translation>全部折叠(&amp;O)</translation>
    </message>
    <message>
        <source>For the statistics</source>
        <translation>统计用数据</translation>
    </message>
    <message>
        <source>leave empty while not known</source>
        <translation>未掌握时留空</translation>
    </message>
    <message>
        <source>District universities&apos; and institutes&apos; effective &amp;patents:</source>
        <translation>区内高校院所有效专利数(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Policy management</source>
        <translation>政策管理</translation>
    </message>
    <message>
        <source>Set f&amp;older...</source>
        <translation>设置文件夹(&amp;L)…</translation>
    </message>
    <message>
        <source>&amp;Import a policy file...</source>
        <translation>导入政策文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Activate for new cases</source>
        <translation>设为新案件适用(&amp;A)</translation>
    </message>
    <message>
        <source>Compare &amp;with:</source>
        <translation>比较对象(&amp;W)：</translation>
    </message>
    <message>
        <source>Co&amp;mpare</source>
        <translation>比较(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Run the test cases</source>
        <translation>运行测算用例(&amp;R)</translation>
    </message>
</context>
<context>
    <name>AdminUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>The new user changes this password at the first login.</source>
        <translation>新用户首次登录时须修改此密码。</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Reset the password</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>A new password for %1, to be changed at the next login. A lock after wrong passwords is lifted too.</source>
        <translation>为 %1 设置新密码，下次登录时须修改。因密码错误被锁定的账号也一并解锁。</translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation>重置(&amp;R)</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>The roles of %1:</source>
        <translation>%1 的角色：</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same one twice.</source>
        <translation>两次输入的密码不一致，请重新输入相同的密码。</translation>
    </message>
</context>
<context>
    <name>AdminUserView</name>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Pass&amp;word again:</source>
        <translation>再次输入密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>&amp;Clerk (窗口经办)</source>
        <translation>窗口经办(&amp;C)</translation>
    </message>
    <message>
        <source>Super&amp;visor (审核人)</source>
        <translation>审核人(&amp;V)</translation>
    </message>
    <message>
        <source>Ad&amp;ministrator (系统管理员)</source>
        <translation>系统管理员(&amp;M)</translation>
    </message>
</context>
<context>
    <name>AdminUsers</name>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Deactivate %1? They can no longer log in; their name stays in the records.</source>
        <translation>是否停用 %1？停用后不能再登录，其姓名仍保留在各项记录中。</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
</context>
<context>
    <name>AdminUsersView</name>
    <message>
        <source>Users are never deleted, so that every record keeps the name of who did it: a user who leaves is deactivated. A new or reset password must be changed at the next login.</source>
        <translation>用户不会被删除，以便每条记录都保留经办人姓名：离岗人员的账号予以停用。新设或重置的密码须在下次登录时修改。</translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation>添加用户(&amp;A)…</translation>
    </message>
    <message>
        <source>Reset the &amp;password…</source>
        <translation>重置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Roles…</source>
        <translation>设置角色(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation>启用(&amp;E)</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>IP Subsidy Desk</source>
        <translation>专利转化运用资助受理审核系统</translation>
    </message>
</context>
<context>
    <name>ApplicantPanel</name>
    <message>
        <source>Not classified</source>
        <translation>未划型</translation>
    </message>
    <message>
        <source>The credit code identifies the applicant and cannot be changed here.</source>
        <translation>统一社会信用代码是申请人的标识，不能在此修改。</translation>
    </message>
    <message>
        <source>%1: 「%2」</source>
        <translation>%1：「%2」</translation>
    </message>
    <message>
        <source>Cannot be printed (no font has these characters; the form would show an empty box): %1. Check against the original; write them in by hand on the printed form.</source>
        <translation>无法打印（任何字体都没有这些字，打印件上将是空框）：%1。请核对原件，在打印件上手写补填。</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>✓ Credit code is valid</source>
        <translation>✓ 统一社会信用代码校验通过</translation>
    </message>
    <message>
        <source>Found on record: %1. Its details were filled in; check them against the paper.</source>
        <translation>已在库中找到申请人“%1”，已填入其登记信息，请与纸质材料核对。</translation>
    </message>
</context>
<context>
    <name>ApplicantView</name>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Filed by an a&amp;gent on the applicant&apos;s behalf</source>
        <translation>委托他人代为办理(&amp;Y)</translation>
    </message>
    <message>
        <source>Agent&apos;s name</source>
        <translation>受托人姓名</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>受理日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>18 characters, from the business licence</source>
        <translation>18 位，见营业执照</translation>
    </message>
    <message>
        <source>Type to find an applicant already on record</source>
        <translation>输入名称可查找已登记的申请人</translation>
    </message>
    <message>
        <source>Si&amp;ze helper…</source>
        <translation>划型助手(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Credit code:</source>
        <translation>统一社会信用代码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>申请人名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>申请人类型(&amp;K)：</translation>
    </message>
    <message>
        <source>Si&amp;ze:</source>
        <translation>企业规模(&amp;Z)：</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>所在地址(&amp;R)：</translation>
    </message>
    <message>
        <source>Contacts and bank account</source>
        <translation>联系人与银行账户</translation>
    </message>
    <message>
        <source>12 digits, optional</source>
        <translation>12位数字，可不填</translation>
    </message>
    <message>
        <source>&amp;Handler:</source>
        <translation>经办人(&amp;L)：</translation>
    </message>
    <message>
        <source>Handler&apos;s &amp;phone:</source>
        <translation>经办人电话(&amp;O)：</translation>
    </message>
    <message>
        <source>Patent a&amp;gency:</source>
        <translation>专利代理机构(&amp;G)：</translation>
    </message>
    <message>
        <source>A&amp;ttorney:</source>
        <translation>代理人(&amp;W)：</translation>
    </message>
    <message>
        <source>Attorney&apos;s p&amp;hone:</source>
        <translation>代理人电话(&amp;X)：</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>户名(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>开户银行(&amp;Q)：</translation>
    </message>
    <message>
        <source>Account number:</source>
        <translation>银行账号：</translation>
    </message>
    <message>
        <source>Bank code (&amp;T):</source>
        <translation>开户行行号(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>Area</name>
    <message>
        <source>Intake</source>
        <translation>受理登记</translation>
    </message>
    <message>
        <source>Awaiting my review</source>
        <translation>待我审核</translation>
    </message>
    <message>
        <source>Notice and payout</source>
        <translation>公示与兑现</translation>
    </message>
    <message>
        <source>Cultivation projects</source>
        <translation>培育项目</translation>
    </message>
    <message>
        <source>Statistics</source>
        <translation>统计</translation>
    </message>
    <message>
        <source>Administration</source>
        <translation>系统管理</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Case</source>
        <translation>案件</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Notice batch</source>
        <translation>公示批次</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>LPR</source>
        <translation>LPR利率</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Cultivation project</source>
        <translation>培育项目</translation>
    </message>
    <message>
        <source>Payee change</source>
        <translation>收款账户变更</translation>
    </message>
    <message>
        <source>Year ruling</source>
        <translation>年度核定</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Materials checked</source>
        <translation>核对材料</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建</translation>
    </message>
    <message>
        <source>Notice closed</source>
        <translation>结束公示</translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Roles changed</source>
        <translation>修改角色</translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation>重置密码</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>停用</translation>
    </message>
    <message>
        <source>Reactivated</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>First administrator created</source>
        <translation>创建首个管理员</translation>
    </message>
    <message>
        <source>Locked after failed logins</source>
        <translation>多次登录失败已锁定</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Saved as a test case</source>
        <translation>存为测算用例</translation>
    </message>
    <message>
        <source>Payee change recorded</source>
        <translation>登记收款账户变更</translation>
    </message>
    <message>
        <source>Payee change approved</source>
        <translation>批准收款账户变更</translation>
    </message>
    <message>
        <source>Payee change rejected</source>
        <translation>驳回收款账户变更</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>What</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变更内容</translation>
    </message>
</context>
<context>
    <name>BatchPrinting</name>
    <message>
        <source>Select the cases first.</source>
        <extracomment>The forms the case list prints for a selection, in menu order.</extracomment>
        <translation>请先在列表中选择案件（Shift／Ctrl 可多选）。</translation>
    </message>
    <message>
        <source>%1 — %2 cases</source>
        <translation>%1 — %2 件</translation>
    </message>
    <message>
        <source>Laying out %1 for %2 cases…</source>
        <translation>正在排版 %2 件案件的%1…</translation>
    </message>
</context>
<context>
    <name>CalcPanel</name>
    <message>
        <source>Fill in the applicant and at least one item.</source>
        <translation>请填写申请人并至少添加一项资助事项。</translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>资助合计：—</translation>
    </message>
    <message>
        <source>Total: %1 yuan</source>
        <translation>资助合计：%1 元</translation>
    </message>
    <message>
        <source>In capitals: %1</source>
        <translation>大写：%1</translation>
    </message>
    <message>
        <source>Approved: this is the result frozen at approval.</source>
        <translation>已审核通过：以下为审核通过时冻结的测算结果。</translation>
    </message>
    <message>
        <source>The application falls under a ground for not accepting it.</source>
        <translation>本申请属于不予受理情形。</translation>
    </message>
    <message>
        <source>The application as a whole</source>
        <translation>申请整体</translation>
    </message>
</context>
<context>
    <name>CaseEditor</name>
    <message>
        <source>&amp;1 Applicant</source>
        <translation>&amp;1 申请人</translation>
    </message>
    <message>
        <source>&amp;2 Items</source>
        <translation>&amp;2 资助事项</translation>
    </message>
    <message>
        <source>&amp;3 Materials</source>
        <translation>&amp;3 申请材料</translation>
    </message>
    <message>
        <source>&amp;4 Intake check</source>
        <translation>&amp;4 受理审查</translation>
    </message>
    <message>
        <source>&amp;5 Calculation</source>
        <translation>&amp;5 资助测算</translation>
    </message>
    <message>
        <source>Change the pa&amp;yee…</source>
        <translation>变更收款账户(&amp;Y)…</translation>
    </message>
    <message>
        <source>New application</source>
        <translation>新申请</translation>
    </message>
    <message>
        <source>Not registered yet</source>
        <translation>尚未登记</translation>
    </message>
    <message>
        <source>Paid: the payee can no longer change.</source>
        <translation>已兑现：收款账户不能再变更。</translation>
    </message>
    <message>
        <source>Changes to this case typed at %1 were not saved (the program was closed unexpectedly). Restore them?</source>
        <translation>本案件于 %1 录入的修改尚未保存（程序曾意外关闭）。是否恢复这些修改？</translation>
    </message>
    <message>
        <source>Cannot calculate yet: %1</source>
        <translation>暂无法测算：%1</translation>
    </message>
    <message>
        <source>Credit code: %1</source>
        <translation>统一社会信用代码：%1</translation>
    </message>
    <message>
        <source>Applicant name: required</source>
        <translation>申请人名称：必填</translation>
    </message>
    <message>
        <source>Add at least one item.</source>
        <translation>请至少添加一项资助事项。</translation>
    </message>
    <message>
        <source>Item %1, %2: %3</source>
        <translation>第 %1 项，%2：%3</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>Not yet settled before acceptance:</source>
        <translation>受理前尚未核查清楚：</translation>
    </message>
    <message>
        <source>Accept all the same?</source>
        <translation>仍要受理吗？</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已办理。</translation>
    </message>
    <message>
        <source>This case has unsaved changes. Save them before closing?</source>
        <translation>本案件有未保存的修改，关闭前是否保存？</translation>
    </message>
</context>
<context>
    <name>CaseEditorView</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;I)</translation>
    </message>
    <message>
        <source>Clos&amp;e</source>
        <translation>关闭(&amp;E)</translation>
    </message>
</context>
<context>
    <name>CaseList</name>
    <message>
        <source>All items</source>
        <extracomment>The first layout: what a clerk looks for first, 状态 and 金额 included, fits a 1366×768 screen at 125 % (1093 logical pixels) beside the status list (issue 20 §7).</extracomment>
        <translation>全部资助事项</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>More than %1 cases match; type more to narrow the search</source>
        <translation>超过 %1 件，请再输入几个字缩小范围</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>共 %1 件</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
    </message>
    <message>
        <source>%1: a patent of this case is also claimed in another case</source>
        <translation>%1：本案件的专利在另一案件中也有申报</translation>
    </message>
</context>
<context>
    <name>CaseListModel</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理日期</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>资助事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>A patent of this case is also claimed in another case</source>
        <translation>本案件的专利也在其他案件中申报</translation>
    </message>
</context>
<context>
    <name>CaseListView</name>
    <message>
        <source>Search: applicant name, credit code, case number or patent number</source>
        <translation>搜索：申请人名称、统一社会信用代码、案件编号或专利号</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;New application</source>
        <translation>新建申请(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Batch print</source>
        <translation>批量打印(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>资助事项(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Received from</source>
        <translation>受理日期从(&amp;R)</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>C&amp;lear filters</source>
        <translation>清除筛选(&amp;L)</translation>
    </message>
</context>
<context>
    <name>ChecklistModel</name>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Stamped copies</source>
        <translation>盖章复印件（份）</translation>
    </message>
    <message>
        <source>Originals verified</source>
        <translation>原件已核对</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source> (no longer required)</source>
        <translation>（已不需要）</translation>
    </message>
</context>
<context>
    <name>ClaimsModel</name>
    <message>
        <source>Item</source>
        <translation>资助事项</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>完成日期</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>测算金额</translation>
    </message>
</context>
<context>
    <name>ClaimsPanel</name>
    <message>
        <source>⚠ Item %1: patent %2 is also claimed in case %3 (%4, %5).</source>
        <translation>⚠ 第 %1 项：专利 %2 也在案件 %3 中申报（%4，%5）。</translation>
    </message>
</context>
<context>
    <name>ClaimsView</name>
    <message>
        <source>&amp;Item:</source>
        <translation>资助事项(&amp;M)：</translation>
    </message>
    <message>
        <source>&amp;Add item</source>
        <translation>添加事项(&amp;D)</translation>
    </message>
    <message>
        <source>Re&amp;move item</source>
        <translation>删除事项(&amp;R)</translation>
    </message>
    <message>
        <source>Add an item with the list above.</source>
        <translation>请在上方选择资助事项并添加。</translation>
    </message>
</context>
<context>
    <name>DbProblemDialog</name>
    <message>
        <source>The database is in use by another program</source>
        <translation>数据库正被其他程序占用</translation>
    </message>
    <message>
        <source>Close the other program, then choose Try again.</source>
        <translation>请关闭其他程序后点击“重试”。</translation>
    </message>
    <message>
        <source>The database was made by a newer version</source>
        <translation>数据库由更新版本的本系统创建</translation>
    </message>
    <message>
        <source>Install the newer version of this program, or open another database file.</source>
        <translation>请安装新版本的本系统，或打开其他数据库文件。</translation>
    </message>
    <message>
        <source>The database file is damaged</source>
        <translation>数据库文件已损坏</translation>
    </message>
    <message>
        <source>Restore the latest backup, or open another database file.</source>
        <translation>请从最近的备份恢复，或打开其他数据库文件。</translation>
    </message>
    <message>
        <source>The database cannot be used</source>
        <translation>数据库无法使用</translation>
    </message>
    <message>
        <source>Open another database file, or restore a backup.</source>
        <translation>请打开其他数据库文件，或从备份恢复。</translation>
    </message>
</context>
<context>
    <name>DbProblemView</name>
    <message>
        <source>The database cannot be opened</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>&amp;Choose another database file…</source>
        <translation>选择其他数据库文件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Restore from a backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>EditorWindow</name>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Unsaved changes found</source>
        <translation>发现未保存的修改</translation>
    </message>
    <message>
        <source>Unsaved work found</source>
        <translation>发现未保存的工作</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>An unexpected error occurred. The work saved so far is safe; the last change may not have been saved. Please tell the system administrator and give them the log file:
{log}</source>
        <translation>程序发生意外错误。已保存的内容不受影响，最后一处修改可能未保存。请告知系统管理员，并提供日志文件：
{log}</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
</context>
<context>
    <name>FactForm</name>
    <message>
        <source>yuan, e.g. 150000.00</source>
        <translation>单位：元，如 150000.00</translation>
    </message>
    <message>
        <source>as on the contract: 4.35% or 0.0435</source>
        <translation>照合同填写：4.35% 或 0.0435</translation>
    </message>
    <message>
        <source>e.g. ZL201710601862.3</source>
        <translation>如 ZL201710601862.3</translation>
    </message>
    <message>
        <source>Does 「%1」 mean an annual rate of %2?</source>
        <translation>「%1」是指年利率 %2 吗？</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
    </message>
    <message>
        <source>Write the rate as 4.35% or 0.0435</source>
        <translation>请写成 4.35% 或 0.0435</translation>
    </message>
    <message>
        <source>Please choose</source>
        <translation>请选择</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日，如 2024-03-15</translation>
    </message>
    <message>
        <source>Standard: %1</source>
        <translation>资助标准：%1</translation>
    </message>
    <message>
        <source>Set by the supervisor</source>
        <translation>由审核人认定</translation>
    </message>
    <message>
        <source>Calculation: %1</source>
        <translation>测算：%1</translation>
    </message>
</context>
<context>
    <name>FundReceiptDialog</name>
    <message>
        <source>Funds received from the finance bureau</source>
        <translation>区财政局拨款</translation>
    </message>
    <message>
        <source>五(三)2: the finance bureau transfers the funds to the bureau, which pays the awards. Once a transfer is recorded, payouts cannot exceed what was received.</source>
        <translation>五(三)2：由区财政局拨付专项资金至区市场监管局，再由区市场监管局兑现。登记拨款后，兑现总额不能超过已拨入的资金。</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
</context>
<context>
    <name>FundReceiptView</name>
    <message>
        <source>yuan, e.g. 500000.00</source>
        <translation>元，如 500000.00</translation>
    </message>
    <message>
        <source>e.g. 璧财行〔2024〕88号</source>
        <translation>如 璧财行〔2024〕88号</translation>
    </message>
    <message>
        <source>Received &amp;on:</source>
        <translation>到账日期(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Amount:</source>
        <translation>金额(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>拨款文号(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>备注(&amp;N)：</translation>
    </message>
</context>
<context>
    <name>IntakePanel</name>
    <message>
        <source>This applies to the applicant</source>
        <translation>申请人存在此情形</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>核查情况</translation>
    </message>
    <message>
        <source>Source looked up: %1</source>
        <translation>核查来源：%1</translation>
    </message>
    <message>
        <source>Waiting for the calculation</source>
        <translation>等待测算</translation>
    </message>
    <message>
        <source>Materials incomplete (%1 missing): ask for correction first.</source>
        <translation>材料不齐全（缺 %1 项）：应先告知补正。</translation>
    </message>
    <message>
        <source>✓ Materials complete</source>
        <translation>✓ 材料齐全</translation>
    </message>
    <message>
        <source>No claimed item is within the scope of the programme.</source>
        <translation>所申报事项均不属于资助范围。</translation>
    </message>
    <message>
        <source>%1 of %2 items are not within the scope (see the calculation).</source>
        <translation>%2 项中有 %1 项不属于资助范围（见资助测算）。</translation>
    </message>
    <message>
        <source>✓ Every claimed item is within the scope</source>
        <translation>✓ 所申报事项均属资助范围</translation>
    </message>
    <message>
        <source>Applies: %1</source>
        <translation>适用：%1</translation>
    </message>
    <message>
        <source>✓ Does not apply</source>
        <translation>✓ 不属此情形</translation>
    </message>
</context>
<context>
    <name>IntakeView</name>
    <message>
        <source>An application is not accepted on any of these grounds. The program decides the grounds that follow from dates and the claims; the clerk checks the others and records what was found and where it was looked up.</source>
        <translation>有下列情形之一的不予受理。由日期和申报事项可判断的情形由系统判定；其余情形由受理人员核查，并记录核查情况和核查来源。</translation>
    </message>
    <message>
        <source>Grounds for not accepting (五(一)2)</source>
        <translation>不予受理情形（五(一)2）</translation>
    </message>
    <message>
        <source>The calculation says:</source>
        <translation>测算说明：</translation>
    </message>
</context>
<context>
    <name>LoginView</name>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>IP Subsidy Desk</source>
        <translation>专利转化运用资助受理审核系统</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Demo database — log in as one of these users:</source>
        <translation>演示数据库 — 可用下列用户登录（用户名 / 密码）：</translation>
    </message>
    <message>
        <source>&amp;Log in</source>
        <translation>登录(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Open another database…</source>
        <translation>打开其他数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Database &amp;server…</source>
        <translation>数据库服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>LoginWindow</name>
    <message>
        <source>Opening the database…</source>
        <translation>正在打开数据库…</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Please enter your user name.</source>
        <translation>请输入用户名。</translation>
    </message>
    <message>
        <source>The lock has expired. You may try again.</source>
        <translation>锁定已解除，可以重新登录。</translation>
    </message>
    <message>
        <source>Account locked. Time left: %1 min %2 s</source>
        <translation>账户已锁定，剩余 %1 分 %2 秒</translation>
    </message>
</context>
<context>
    <name>LprModel</name>
    <message>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>1-year LPR</source>
        <translation>1年期LPR</translation>
    </message>
    <message>
        <source>Over 5 years</source>
        <translation>5年期以上LPR</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Shipped with the program</source>
        <translation>程序内置</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> [demo]</source>
        <translation> [演示]</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 — programme year %4</source>
        <translation>%1（%2）— %3 — %4年度</translation>
    </message>
    <message>
        <source>Logged in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>数据库：%1</translation>
    </message>
    <message>
        <source>Programme: %1 (%2)</source>
        <translation>资助项目：%1（%2年度）</translation>
    </message>
    <message>
        <source>new application</source>
        <translation>新申请</translation>
    </message>
    <message>
        <source>The program was closed while %1 case(s) had unsaved changes (%2). Open them again with those changes? If not, the changes are discarded.</source>
        <translation>程序关闭时有 %1 件案件的修改尚未保存（%2）。是否重新打开并恢复这些修改？选择“否”将放弃这些修改。</translation>
    </message>
    <message>
        <source>Back up the database to</source>
        <translation>备份数据库到</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>The database was backed up to %1 (%2 KB).</source>
        <translation>数据库已备份到 %1（%2 KB）。</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation>正在备份…</translation>
    </message>
    <message>
        <source>intake template %1.xlsx</source>
        <translation>受理登记导入模板（%1年度）.xlsx</translation>
    </message>
    <message>
        <source>Save the intake template as</source>
        <translation>导入模板另存为</translation>
    </message>
    <message>
        <source>Intake template</source>
        <translation>导入模板</translation>
    </message>
    <message>
        <source>Saved to %1.</source>
        <translation>已保存到 %1。</translation>
    </message>
    <message>
        <source>Choose the filled-in intake workbook</source>
        <translation>选择已填写的受理登记导入表</translation>
    </message>
    <message>
        <source>Import applications</source>
        <translation>导入申请</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消，未导入任何申请。</translation>
    </message>
    <message>
        <source>%1 application(s) registered: %2.</source>
        <translation>已登记 %1 件申请：%2。</translation>
    </message>
    <message>
        <source>… and %1 more.</source>
        <translation>……另有 %1 处。</translation>
    </message>
    <message>
        <source>Nothing was registered. Correct the workbook and import it again:</source>
        <translation>未登记任何申请。请按下列问题修改导入表后重新导入：</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>未办理</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>Your password was changed.</source>
        <translation>密码已修改。</translation>
    </message>
    <message>
        <source>About</source>
        <translation>关于</translation>
    </message>
    <message>
        <source>IP Subsidy Desk, version %1
%2</source>
        <translation>专利转化运用资助受理审核系统，版本 %1
%2</translation>
    </message>
</context>
<context>
    <name>MainWindowView</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Back up the database…</source>
        <translation>备份数据库(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Change my password…</source>
        <translation>修改我的密码(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Log out</source>
        <translation>注销(&amp;L)</translation>
    </message>
    <message>
        <source>E&amp;xit</source>
        <translation>退出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Import applications from a workbook…</source>
        <translation>从 Excel 导入申请(&amp;I)…</translation>
    </message>
    <message>
        <source>Save the intake &amp;template…</source>
        <translation>保存导入模板(&amp;T)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About</source>
        <translation>关于(&amp;A)</translation>
    </message>
</context>
<context>
    <name>MaterialsPanel</name>
    <message>
        <source>Materials are handed in as stamped copies, %1 sets, with the originals shown for checking (%2).</source>
        <translation>材料须提供盖有鲜章的复印件一式 %1 份，同时提供原件核对查验（%2）。</translation>
    </message>
    <message>
        <source>Add the claimed items first; the list follows them.</source>
        <translation>请先添加资助事项，材料清单随事项生成。</translation>
    </message>
    <message>
        <source>Missing (%1): %2</source>
        <translation>尚缺（%1 项）：%2</translation>
    </message>
    <message>
        <source>All required materials are complete.</source>
        <translation>所需材料已齐全。</translation>
    </message>
</context>
<context>
    <name>MaterialsView</name>
    <message>
        <source>Line &amp;complete</source>
        <translation>本行齐全(&amp;C)</translation>
    </message>
    <message>
        <source>A&amp;ll complete</source>
        <translation>全部齐全(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Print correction notice…</source>
        <translation>打印补正通知书(&amp;N)…</translation>
    </message>
</context>
<context>
    <name>Notice</name>
    <message>
        <source>the year&apos;s ratio is fixed by the year ruling after %1</source>
        <translation>全年比例待 %1 申报截止后年度核定</translation>
    </message>
    <message>
        <source>the year&apos;s ratio %1 (year ruling no. %2)</source>
        <translation>全年比例 %1（第 %2 次年度核定）</translation>
    </message>
    <message>
        <source>%1 budget %2 yuan; held or paid %3 yuan; left %4 yuan; %5.</source>
        <translation>%1年度资助预算 %2 元；已占用及已兑现 %3 元；剩余 %4 元；%5。</translation>
    </message>
    <message>
        <source>%1 decided case(s) await a notice.</source>
        <translation>已经办公会审定、待公示的案件 %1 件。</translation>
    </message>
    <message>
        <source>on notice</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>closed</source>
        <translation>已结束</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Notice from %1 to %2. Budget %3 yuan, held by earlier batches %4 yuan, left %5 yuan; approved in this batch %6 yuan, ratio %7, on notice %8 yuan.</source>
        <translation>公示期 %1 至 %2。预算 %3 元，此前批次占用 %4 元，可用 %5 元；本批审核金额 %6 元，折算比例 %7，公示金额 %8 元。</translation>
    </message>
    <message>
        <source>&amp;Mark %1 ticked paid…</source>
        <translation>登记已勾选的 %1 件兑现(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;Mark paid…</source>
        <translation>登记兑现(&amp;M)…</translation>
    </message>
    <message>
        <source>Close the notice</source>
        <translation>结束公示</translation>
    </message>
    <message>
        <source>Close %1? Cases without objection are cleared for payout; cases with an objection stay held until it is handled.</source>
        <translation>是否结束 %1 的公示？无异议的案件转入待兑现；有异议的案件暂缓，待异议处理后再定。</translation>
    </message>
    <message>
        <source>No transfer from the finance bureau recorded yet.</source>
        <translation>尚未登记区财政局拨款。</translation>
    </message>
    <message>
        <source>Received %1 yuan; paid %2 yuan; %3 yuan left to pay out.</source>
        <translation>区财政局已拨入 %1 元，已兑现 %2 元，可兑现 %3 元。</translation>
    </message>
    <message>
        <source>Saved: printed on every notice list from now on.</source>
        <translation>已保存：此后打印的公示名单都将载明。</translation>
    </message>
    <message>
        <source>Saved: named on every rejection notice from now on.</source>
        <translation>已保存：今后打印的不予受理通知书均载明上述机关。</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在生成 %1…</translation>
    </message>
    <message>
        <source>Export the notice list</source>
        <translation>导出公示名单</translation>
    </message>
    <message>
        <source>Export the payout list</source>
        <translation>导出拨付清单</translation>
    </message>
</context>
<context>
    <name>NoticeBatchDialog</name>
    <message>
        <source>New notice batch</source>
        <translation>新建公示批次</translation>
    </message>
    <message>
        <source>&amp;Create the notice batch</source>
        <translation>生成公示批次(&amp;C)</translation>
    </message>
    <message>
        <source>Tick at least one case.</source>
        <translation>请至少勾选一件案件。</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>%1 (prorated)</source>
        <translation>%1（按比例折算）</translation>
    </message>
    <message>
        <source>ends %1 (holidays counted by the notice calendar)</source>
        <translation>公示期至 %1（节假日按公示日历扣除）</translation>
    </message>
    <message>
        <source>Put %1 case(s) on notice from %2 to %3, %4 yuan in all? The amounts shown are saved with the batch.</source>
        <translation>是否将 %1 件案件于 %2 至 %3 公示，合计 %4 元？所显示的金额将随批次一并保存。</translation>
    </message>
</context>
<context>
    <name>NoticeBatchView</name>
    <message>
        <source>Cases decided by the bureau meeting and not yet on notice. Tick the cases for this batch: the figures below are worked out by the program as you tick, and nothing is saved until you create the batch.</source>
        <translation>以下为已经办公会审定、尚未公示的案件。请勾选本批次的案件：下方数字随勾选即时计算，生成公示批次之前不会保存任何内容。</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>全选(&amp;A)</translation>
    </message>
    <message>
        <source>Notice &amp;starts:</source>
        <translation>公示开始日期(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Working days:</source>
        <translation>公示工作日(&amp;W)：</translation>
    </message>
    <message>
        <source>Budget and proration</source>
        <translation>预算与按比例折算</translation>
    </message>
    <message>
        <source>Programme budget:</source>
        <translation>年度预算：</translation>
    </message>
    <message>
        <source>Held by earlier batches:</source>
        <translation>此前批次已占用：</translation>
    </message>
    <message>
        <source>Budget left:</source>
        <translation>可用预算：</translation>
    </message>
    <message>
        <source>Approved in this batch:</source>
        <translation>本批审核金额：</translation>
    </message>
    <message>
        <source>Proration ratio:</source>
        <translation>折算比例：</translation>
    </message>
    <message>
        <source>This batch on notice:</source>
        <translation>本批公示金额：</translation>
    </message>
</context>
<context>
    <name>NoticeBatchesModel</name>
    <message>
        <source>Batch</source>
        <translation>批次</translation>
    </message>
    <message>
        <source>Notice period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>件数</translation>
    </message>
    <message>
        <source>Total (yuan)</source>
        <translation>合计（元）</translation>
    </message>
    <message>
        <source>On notice</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结束</translation>
    </message>
</context>
<context>
    <name>NoticeEntriesModel</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation>审核金额（元）</translation>
    </message>
    <message>
        <source>On notice (yuan)</source>
        <translation>公示金额（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Objection and handling</source>
        <translation>异议及处理</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>兑现</translation>
    </message>
    <message>
        <source>Objection: %1</source>
        <translation>异议：%1</translation>
    </message>
    <message>
        <source>Handling: %1</source>
        <translation>处理：%1</translation>
    </message>
</context>
<context>
    <name>NoticeObjectionDialog</name>
    <message>
        <source>Handle the objection</source>
        <translation>处理异议</translation>
    </message>
    <message>
        <source>The objection to %1:</source>
        <translation>对 %1 提出的异议：</translation>
    </message>
    <message>
        <source>%1 (%2), received %3: %4</source>
        <translation>%1（%2），%3 收到：%4</translation>
    </message>
    <message>
        <source>&amp;Finding and handling:</source>
        <translation>核查情况及处理意见(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Record the handling</source>
        <translation>登记处理结果(&amp;R)</translation>
    </message>
    <message>
        <source>Record an objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>An objection to %1 holds the case back from payout until it is handled.</source>
        <translation>%1 有异议的，异议处理完毕前暂缓兑现。</translation>
    </message>
    <message>
        <source>&amp;Substance of the objection:</source>
        <translation>异议内容(&amp;S)：</translation>
    </message>
    <message>
        <source>Objection handling record — %1</source>
        <translation>异议处理记录 — %1</translation>
    </message>
    <message>
        <source>&amp;Record the objection</source>
        <translation>登记异议(&amp;R)</translation>
    </message>
    <message>
        <source>Please fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
</context>
<context>
    <name>NoticeObjectionView</name>
    <message>
        <source>&amp;Not upheld: the case goes on</source>
        <translation>异议不成立，继续办理(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Upheld: the case is refused (不予资助)</source>
        <translation>异议成立，不予资助(&amp;U)</translation>
    </message>
    <message>
        <source>Partly upheld: &amp;change the amount to</source>
        <translation>异议部分成立，资助金额调整为(&amp;C)</translation>
    </message>
    <message>
        <source>yuan, below the approved amount</source>
        <translation>元，低于原审核金额</translation>
    </message>
    <message>
        <source>organisation or name; 匿名 for an anonymous letter</source>
        <translation>单位或姓名；匿名来信写“匿名”</translation>
    </message>
    <message>
        <source>Ob&amp;jector:</source>
        <translation>异议人(&amp;J)：</translation>
    </message>
    <message>
        <source>Con&amp;tact:</source>
        <translation>联系方式(&amp;T)：</translation>
    </message>
    <message>
        <source>Recei&amp;ved on:</source>
        <translation>收到日期(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Print the handling record</source>
        <translation>打印异议处理记录(&amp;P)</translation>
    </message>
</context>
<context>
    <name>NoticePaymentDialog</name>
    <message>
        <source>Mark paid</source>
        <translation>登记兑现</translation>
    </message>
    <message>
        <source>Record the payout of %1 case(s) cleared after the notice. Type the voucher number of each payment in the table, or one number for all.</source>
        <translation>登记公示无异议的 %1 件案件的兑现情况。请在表中逐件填写拨付凭证号，或为全部案件填写同一凭证号。</translation>
    </message>
    <message>
        <source>Total: %1 yuan (%2)</source>
        <translation>合计：%1 元（%2）</translation>
    </message>
    <message>
        <source>&amp;Record the payout</source>
        <translation>登记兑现(&amp;R)</translation>
    </message>
    <message>
        <source>Voucher number missing for: %1</source>
        <translation>以下案件缺少凭证号：%1</translation>
    </message>
</context>
<context>
    <name>NoticePaymentView</name>
    <message>
        <source>Paid &amp;on:</source>
        <translation>拨付日期(&amp;O)：</translation>
    </message>
    <message>
        <source>e.g. 璧财拨〔2024〕301号</source>
        <translation>如 璧财拨〔2024〕301号</translation>
    </message>
    <message>
        <source>&amp;Voucher for every case:</source>
        <translation>全部案件凭证号(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Fill in</source>
        <translation>填入(&amp;F)</translation>
    </message>
</context>
<context>
    <name>NoticePaymentsModel</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Voucher number</source>
        <translation>凭证号</translation>
    </message>
</context>
<context>
    <name>NoticePreviewModel</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation>审核金额（元）</translation>
    </message>
    <message>
        <source>After proration (yuan)</source>
        <translation>折算后金额（元）</translation>
    </message>
    <message>
        <source>Reduced by (yuan)</source>
        <translation>核减（元）</translation>
    </message>
</context>
<context>
    <name>NoticeView</name>
    <message>
        <source>&amp;New notice batch…</source>
        <translation>新建公示批次(&amp;N)…</translation>
    </message>
    <message>
        <source>Year &amp;ruling…</source>
        <translation>年度核定(&amp;R)…</translation>
    </message>
    <message>
        <source>Notice batches</source>
        <translation>公示批次</translation>
    </message>
    <message>
        <source>Objections to:</source>
        <translation>异议受理：</translation>
    </message>
    <message>
        <source>department and telephone, printed on the notice</source>
        <translation>受理科室及电话，印在公示名单上</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>保存(&amp;V)</translation>
    </message>
    <message>
        <source>Notice list (&amp;PDF)…</source>
        <translation>公示名单 PDF(&amp;P)…</translation>
    </message>
    <message>
        <source>Notice list (&amp;Excel)…</source>
        <translation>公示名单 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Record an &amp;objection…</source>
        <translation>登记异议(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Handle the objection…</source>
        <translation>处理异议(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Close the notice</source>
        <translation>结束公示(&amp;C)</translation>
    </message>
    <message>
        <source>Payout &amp;list (Excel)…</source>
        <translation>拨付清单 Excel(&amp;L)…</translation>
    </message>
    <message>
        <source>with cases already p&amp;aid</source>
        <translation>含已兑现案件(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Mark paid…</source>
        <translation>登记兑现(&amp;M)…</translation>
    </message>
    <message>
        <source>Funds received (&amp;Z)…</source>
        <translation>财政拨款(&amp;Z)…</translation>
    </message>
    <message>
        <source>Pa&amp;yee changes…</source>
        <translation>收款账户变更(&amp;Y)…</translation>
    </message>
    <message>
        <source>Open ca&amp;se</source>
        <translation>打开案件(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keep these</source>
        <translation>保存(&amp;K)</translation>
    </message>
    <message>
        <source>Notice:</source>
        <translation>公示：</translation>
    </message>
    <message>
        <source>Objections:</source>
        <translation>异议：</translation>
    </message>
    <message>
        <source>Payout:</source>
        <translation>兑现：</translation>
    </message>
    <message>
        <source>Rejections:</source>
        <translation>不予受理：</translation>
    </message>
    <message>
        <source>Administrative review &amp;by:</source>
        <translation>行政复议机关(&amp;B)：</translation>
    </message>
    <message>
        <source>Lawsuit at co&amp;urt:</source>
        <translation>人民法院(&amp;U)：</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Your password was set by the administrator. Please choose your own now.</source>
        <translation>您的密码由管理员设置，请现在设置自己的密码。</translation>
    </message>
    <message>
        <source>The two new passwords differ. Please type them again.</source>
        <translation>两次输入的新密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>PasswordView</name>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>原密码(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>新密码(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Repeat new password:</source>
        <translation>再次输入新密码(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>PayeeChangeDialog</name>
    <message>
        <source>Change the payee</source>
        <translation>变更收款账户</translation>
    </message>
    <message>
        <source>%1 is approved: its payee is %2, %3, %4. A new payee takes effect only when a supervisor who is neither you nor the case&apos;s registrar approves it.</source>
        <translation>%1 已审核通过，收款账户为 %2，%3，%4。新的收款账户须由您和本案受理人以外的审核人批准后才生效。</translation>
    </message>
    <message>
        <source>&amp;Record the request</source>
        <translation>登记变更申请(&amp;R)</translation>
    </message>
</context>
<context>
    <name>PayeeChangeView</name>
    <message>
        <source>12 digits, optional</source>
        <translation>12位数字，可不填</translation>
    </message>
    <message>
        <source>New account &amp;name:</source>
        <translation>新户名(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Bank:</source>
        <translation>开户银行(&amp;B)：</translation>
    </message>
    <message>
        <source>Account n&amp;umber:</source>
        <translation>银行账号(&amp;U)：</translation>
    </message>
    <message>
        <source>Bank code (&amp;T):</source>
        <translation>开户行行号(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>变更原因(&amp;R)：</translation>
    </message>
    <message>
        <source>Supporting &amp;paper:</source>
        <translation>证明材料(&amp;P)：</translation>
    </message>
</context>
<context>
    <name>PayeeDecisionDialog</name>
    <message>
        <source>Payee changes to decide</source>
        <translation>待审核的收款账户变更</translation>
    </message>
    <message>
        <source>No payee change is waiting for a decision.</source>
        <translation>没有待审核的收款账户变更。</translation>
    </message>
    <message>
        <source>%1: %2 / %3 / %4 → %5 / %6 / %7. Reason: %8. Paper: %9.</source>
        <translation>%1：%2 / %3 / %4 → %5 / %6 / %7。原因：%8。证明材料：%9。</translation>
    </message>
</context>
<context>
    <name>PayeeDecisionView</name>
    <message>
        <source>&amp;Opinion (required to reject):</source>
        <translation>意见（驳回时必填）(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>批准(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>驳回(&amp;J)</translation>
    </message>
    <message>
        <source>Clos&amp;e</source>
        <translation>关闭(&amp;E)</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>%1 page(s)</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The printer could not be started. Check it is on.</source>
        <translation>无法启动打印机，请检查打印机是否开启。</translation>
    </message>
    <message>
        <source>Stop printing</source>
        <translation>停止打印</translation>
    </message>
    <message>
        <source>Printing page %1 of %2…</source>
        <translation>正在打印第 %1 页，共 %2 页…</translation>
    </message>
    <message>
        <source>Printing stopped.</source>
        <translation>已停止打印。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>PdfPreviewView</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Save as PDF…</source>
        <translation>另存为 PDF(&amp;S)…</translation>
    </message>
    <message>
        <source>Fit &amp;width</source>
        <translation>适合宽度(&amp;W)</translation>
    </message>
    <message>
        <source>Whole pa&amp;ge</source>
        <translation>整页(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Actual size</source>
        <translation>实际大小(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
</context>
<context>
    <name>PolicyModel</name>
    <message>
        <source>Entry</source>
        <translation>条目</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Clause</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>A fixed sum per unit</source>
        <translation>按件（笔）定额</translation>
    </message>
    <message>
        <source>A fixed sum plus a share above a threshold</source>
        <translation>定额加超出部分按比例</translation>
    </message>
    <message>
        <source>Interest subsidy at the LPR</source>
        <translation>按LPR贴息</translation>
    </message>
    <message>
        <source>A share of the fees paid</source>
        <translation>按实际缴纳费用的比例</translation>
    </message>
    <message>
        <source>The amount approved by the reviewer</source>
        <translation>按审核人核定金额</translation>
    </message>
    <message>
        <source>By rank among the applicants</source>
        <translation>按申请人排名</translation>
    </message>
    <message>
        <source>By tier</source>
        <translation>按档次</translation>
    </message>
    <message>
        <source>The actual cost, up to a cap</source>
        <translation>据实核定，不超过上限</translation>
    </message>
    <message>
        <source>Rate or sum</source>
        <translation>比例或金额</translation>
    </message>
    <message>
        <source>Bonus above</source>
        <translation>超出部分起点</translation>
    </message>
    <message>
        <source>Bonus share</source>
        <translation>超出部分比例</translation>
    </message>
    <message>
        <source>Bonus cap</source>
        <translation>超出部分上限</translation>
    </message>
    <message>
        <source>Months at most</source>
        <translation>最长月数</translation>
    </message>
    <message>
        <source>Long-term loan after months</source>
        <translation>超过该月数按长期贷款</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <source>Awards by rank</source>
        <translation>按名次资助</translation>
    </message>
    <message>
        <source>Cap per event</source>
        <translation>每次上限</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>General</source>
        <translation>概况</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>发文单位</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>File fingerprint (SHA-256)</source>
        <translation>文件指纹（SHA-256）</translation>
    </message>
    <message>
        <source>Programme year</source>
        <translation>年度</translation>
    </message>
    <message>
        <source>Activities completed</source>
        <translation>活动完成期间</translation>
    </message>
    <message>
        <source>Applications until</source>
        <translation>申报截止</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>预算</translation>
    </message>
    <message>
        <source>Notice (working days)</source>
        <translation>公示期（工作日）</translation>
    </message>
    <message>
        <source>Correction period (days, default)</source>
        <translation>补正期限（日，默认）</translation>
    </message>
    <message>
        <source>Copies of each material</source>
        <translation>每份材料份数</translation>
    </message>
    <message>
        <source>Application form</source>
        <translation>申请表</translation>
    </message>
    <message>
        <source>Items (%1)</source>
        <translation>资助事项（%1）</translation>
    </message>
    <message>
        <source>Cumulative caps</source>
        <translation>累计上限</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>资助事项</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>解释口径</translation>
    </message>
    <message>
        <source>Best of, never stacked</source>
        <translation>从优、不叠加</translation>
    </message>
    <message>
        <source>Grounds for not accepting</source>
        <translation>不予受理情形</translation>
    </message>
    <message>
        <source>the program</source>
        <translation>系统判定</translation>
    </message>
    <message>
        <source>the clerk</source>
        <translation>经办人判定</translation>
    </message>
    <message>
        <source>decided by %1</source>
        <translation>由%1判定</translation>
    </message>
    <message>
        <source>Materials</source>
        <translation>申请材料</translation>
    </message>
    <message>
        <source>Targets</source>
        <translation>工作目标</translation>
    </message>
    <message>
        <source>Readings taken</source>
        <translation>解释口径</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>For</source>
        <translation>资助对象</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>资助标准</translation>
    </message>
    <message>
        <source>Remark</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Calculation</source>
        <translation>计算方法</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>档次</translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation>申请人类型</translation>
    </message>
    <message>
        <source>Small or medium enterprises only</source>
        <translation>仅限中小微企业</translation>
    </message>
    <message>
        <source>Needs recognition</source>
        <translation>需经认定</translation>
    </message>
    <message>
        <source>Date that counts</source>
        <translation>计算日期</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>Declared</source>
        <translation>申报事实</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Application form</source>
        <translation>申请表</translation>
    </message>
    <message>
        <source>Review opinion</source>
        <translation>审核意见</translation>
    </message>
    <message>
        <source>Acceptance receipt</source>
        <translation>受理回执</translation>
    </message>
    <message>
        <source>Correction notice</source>
        <translation>补正通知书</translation>
    </message>
    <message>
        <source>Rejection notice</source>
        <translation>不予受理通知书</translation>
    </message>
</context>
<context>
    <name>ProjectBudgetModel</name>
    <message>
        <source>Use (第十一条)</source>
        <translation>资金用途（第十一条）</translation>
    </message>
    <message>
        <source>Budget (yuan)</source>
        <translation>预算（元）</translation>
    </message>
    <message>
        <source>Spent (yuan)</source>
        <translation>已支出（元）</translation>
    </message>
    <message>
        <source>Left (yuan)</source>
        <translation>结余（元）</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Over budget</source>
        <translation>超出预算</translation>
    </message>
</context>
<context>
    <name>ProjectConditionModel</name>
    <message>
        <source>Article</source>
        <translation>条款</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>申报条件</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>审查结果</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Not checked</source>
        <translation>未审查</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>不符合</translation>
    </message>
</context>
<context>
    <name>ProjectEditor</name>
    <message>
        <source>&amp;1 Application</source>
        <translation>&amp;1 申报信息</translation>
    </message>
    <message>
        <source>&amp;2 Checks and approval</source>
        <translation>&amp;2 审查与立项</translation>
    </message>
    <message>
        <source>&amp;3 Implementation</source>
        <translation>&amp;3 项目实施</translation>
    </message>
    <message>
        <source>&amp;4 Targets</source>
        <translation>&amp;4 绩效目标</translation>
    </message>
    <message>
        <source>&amp;5 Money</source>
        <translation>&amp;5 资金</translation>
    </message>
    <message>
        <source>&amp;6 History</source>
        <translation>&amp;6 办理记录</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>办理</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>The lead unit (申报单位)</source>
        <translation>申报单位（牵头单位）</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>新培育项目</translation>
    </message>
    <message>
        <source>Not registered yet</source>
        <translation>尚未登记</translation>
    </message>
    <message>
        <source>Not evaluated yet.</source>
        <translation>尚未评审。</translation>
    </message>
    <message>
        <source>Not approved yet.</source>
        <translation>尚未立项。</translation>
    </message>
    <message>
        <source>Not recorded yet.</source>
        <translation>尚未登记。</translation>
    </message>
    <message>
        <source>Not accepted yet.</source>
        <translation>尚未结题验收。</translation>
    </message>
    <message>
        <source>A %1 request of %2 awaits the decision.</source>
        <translation>%2提交的%1申请待审定。</translation>
    </message>
    <message>
        <source>Evaluated on %1 by %2: %3. %4</source>
        <translation>%1评审，评审专家：%2；结论：%3。%4</translation>
    </message>
    <message>
        <source>Task book %1 of %2; period %3 to %4.</source>
        <translation>任务书%1（%2签订）；实施期%3至%4。</translation>
    </message>
    <message>
        <source>%1, %2 (experts: %3). %4</source>
        <translation>%1，%2（评估专家：%3）。%4</translation>
    </message>
    <message>
        <source>%1, %2, %3 (experts: %4). %5</source>
        <translation>%1，%2，%3（验收专家：%4）。%5</translation>
    </message>
    <message>
        <source> (early acceptance)</source>
        <translation>（提前结题验收）</translation>
    </message>
    <message>
        <source>Own funds: %1 yuan.</source>
        <translation>自筹资金：%1元。</translation>
    </message>
    <message>
        <source>%1 paid on %2: %3 yuan %4</source>
        <translation>%1：%2拨付%3元 %4</translation>
    </message>
    <message>
        <source>Closure instalment: not paid (only after a passed acceptance).</source>
        <translation>结题补助：未拨付（须结题验收通过后拨付）。</translation>
    </message>
    <message>
        <source>Terminated: %1 yuan recovered, %2 yuan kept.</source>
        <translation>已终止：追回%1元，留用%2元。</translation>
    </message>
    <message>
        <source>Spent in total: %1 yuan of %2 yuan paid.</source>
        <translation>财政资金已支出%1元（已拨付%2元）。</translation>
    </message>
    <message>
        <source>%1 of %2 target(s) reached; actual values are cumulative as reported.</source>
        <translation>%2项绩效目标中已达到%1项；实际值为截至填报日期的累计数。</translation>
    </message>
    <message>
        <source>Save the application to register it and get its number.</source>
        <translation>保存后即登记申报，并取得项目编号。</translation>
    </message>
    <message>
        <source>The project is finished: no further step.</source>
        <translation>项目已办结，没有后续办理步骤。</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>已办理。</translation>
    </message>
    <message>
        <source>Recorded, with warnings</source>
        <translation>已登记，请注意</translation>
    </message>
    <message>
        <source>Total %1 yuan of %2 yuan (第十条); at approval the total must equal it.</source>
        <translation>合计%1元（第十条每个项目%2元；立项时预算合计须与之相等）。</translation>
    </message>
    <message>
        <source>%1 months</source>
        <translation>%1个月</translation>
    </message>
    <message>
        <source>Changes to this project typed at %1 were not saved (the program was closed unexpectedly). Restore them?</source>
        <translation>%1录入的本项目修改未保存（程序意外关闭）。是否恢复？</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>This project has unsaved changes. Save them before closing?</source>
        <translation>本项目有未保存的修改。关闭前是否保存？</translation>
    </message>
</context>
<context>
    <name>ProjectEditorView</name>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print</source>
        <translation>打印(&amp;I)</translation>
    </message>
    <message>
        <source>Clos&amp;e</source>
        <translation>关闭(&amp;E)</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Project &amp;title:</source>
        <translation>项目名称(&amp;C)：</translation>
    </message>
    <message>
        <source>Technical &amp;field:</source>
        <translation>技术领域(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Key industry (第三条):</source>
        <translation>所属重点产业(&amp;Y)（第三条）：</translation>
    </message>
    <message>
        <source>Technology &amp;type (第三条):</source>
        <translation>技术类型(&amp;W)（第三条）：</translation>
    </message>
    <message>
        <source>&amp;Linked major project:</source>
        <translation>重大攻关项目名称及编号(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Received on:</source>
        <translation>申报日期(&amp;R)：</translation>
    </message>
    <message>
        <source>to</source>
        <translation>至</translation>
    </message>
    <message>
        <source>&amp;Period (第六条):</source>
        <translation>实施周期(&amp;N)（第六条）：</translation>
    </message>
    <message>
        <source>&amp;Own funds (yuan, 第十二条):</source>
        <translation>自筹资金(&amp;O)（元，第十二条）：</translation>
    </message>
    <message>
        <source>Applicant units (第四条)</source>
        <translation>申报单位及联合申报单位（第四条）</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>牵头</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Add a &amp;joint unit</source>
        <translation>添加联合申报单位(&amp;T)</translation>
    </message>
    <message>
        <source>Fiscal budget by use (yuan, 第十一条)</source>
        <translation>财政资金预算（元，按第十一条用途）</translation>
    </message>
    <message>
        <source>Quantified targets (第七条末; leave empty if none)</source>
        <translation>量化绩效目标（第七条末；不设的留空）</translation>
    </message>
    <message>
        <source>Targets of the project&apos;s own (第七条: name, unit, target, how verified)</source>
        <translation>自定绩效目标（第七条：名称、计量单位、目标值、考核方式；目录以外的可在此填写）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>计量单位</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>How it is verified</source>
        <translation>考核方式</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Eligibility check (第五条, condition by condition)</source>
        <translation>资格审查（第五条，逐项）</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>评审</translation>
    </message>
    <message>
        <source>Approval and task book</source>
        <translation>立项与任务书</translation>
    </message>
    <message>
        <source>Progress reports (第八条)</source>
        <translation>执行进展（第八条）</translation>
    </message>
    <message>
        <source>Mid-term evaluation (第九条)</source>
        <translation>中期评估（第九条）</translation>
    </message>
    <message>
        <source>Extension and termination requests (第八条)</source>
        <translation>延期、终止申请（第八条）</translation>
    </message>
    <message>
        <source>Closure acceptance (第八条)</source>
        <translation>结题验收（第八条）</translation>
    </message>
    <message>
        <source>Funding and instalments (第十条)</source>
        <translation>财政资金支持与拨付（第十条）</translation>
    </message>
    <message>
        <source>Budget and spending by use (第十一条)</source>
        <translation>按用途的预算与支出（第十一条）</translation>
    </message>
    <message>
        <source>Spending entries</source>
        <translation>支出明细</translation>
    </message>
</context>
<context>
    <name>ProjectEventModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>办理事项</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>登记时间</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ProjectListModel</name>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1（已逾期）</translation>
    </message>
    <message>
        <source>Project number</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>项目名称</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>实施周期</translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation>已拨付（元）</translation>
    </message>
    <message>
        <source>Spent (yuan)</source>
        <translation>已支出（元）</translation>
    </message>
    <message>
        <source>Reminders</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>%1 request awaiting decision</source>
        <translation>%1申请待审定</translation>
    </message>
    <message>
        <source>Spending flagged</source>
        <translation>资金支出有异常</translation>
    </message>
</context>
<context>
    <name>ProjectPrinting</name>
    <message>
        <source>Project summary</source>
        <translation>立项信息表</translation>
    </message>
    <message>
        <source>Mid-term evaluation form</source>
        <translation>中期评估表</translation>
    </message>
    <message>
        <source>Extension / termination request form</source>
        <translation>延期／终止申请审核表</translation>
    </message>
    <message>
        <source>Closure acceptance opinion</source>
        <translation>结题验收意见表</translation>
    </message>
    <message>
        <source>Rendering %1…</source>
        <translation>正在生成%1…</translation>
    </message>
    <message>
        <source>Export all projects</source>
        <translation>导出培育项目一览表</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Could not save: %1</source>
        <translation>无法保存：%1</translation>
    </message>
    <message>
        <source>Writing the workbook of all projects…</source>
        <translation>正在生成培育项目一览表…</translation>
    </message>
</context>
<context>
    <name>ProjectReminderModel</name>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Reminder</source>
        <translation>提醒事项</translation>
    </message>
    <message>
        <source>Project number</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Lead unit</source>
        <translation>申报单位</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>说明</translation>
    </message>
</context>
<context>
    <name>ProjectReportModel</name>
    <message>
        <source>No.</source>
        <translation>次</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>执行进展</translation>
    </message>
    <message>
        <source>Interim results</source>
        <translation>阶段性成果</translation>
    </message>
    <message>
        <source>Work plan</source>
        <translation>工作计划</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
</context>
<context>
    <name>ProjectRequestModel</name>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>New end / follow-up</source>
        <translation>延期结题时间／后续处理</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审定</translation>
    </message>
    <message>
        <source>Decided</source>
        <translation>审定日期</translation>
    </message>
    <message>
        <source>Opinion</source>
        <translation>意见</translation>
    </message>
</context>
<context>
    <name>ProjectSpendingModel</name>
    <message>
        <source>Date</source>
        <translation>支出日期</translation>
    </message>
    <message>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Flag</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>登记人</translation>
    </message>
    <message>
        <source>Outside 第十一条</source>
        <translation>不在第十一条范围内</translation>
    </message>
</context>
<context>
    <name>ProjectSteps</name>
    <message>
        <source>Record spendin&amp;g…</source>
        <translation>登记资金支出(&amp;H)…</translation>
    </message>
    <message>
        <source>Record actual &amp;values…</source>
        <translation>登记目标实际值(&amp;U)…</translation>
    </message>
    <message>
        <source>last: %1</source>
        <translation>上次：%1</translation>
    </message>
    <message>
        <source>%1 (target %2)</source>
        <translation>%1（目标%2）</translation>
    </message>
    <message>
        <source>— choose —</source>
        <translation>— 请选择 —</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>符合</translation>
    </message>
    <message>
        <source>Not met</source>
        <translation>不符合</translation>
    </message>
    <message>
        <source>Source and what it showed (required): %1</source>
        <translation>核查来源与结果（必填）：%1</translation>
    </message>
    <message>
        <source>What was found (required if not met)</source>
        <translation>审查情况（不符合的须写明理由）</translation>
    </message>
    <message>
        <source>Record each condition of 第五条 as found in the materials. Any condition not met ends the application (未立项); say why in its note.</source>
        <translation>按申报材料逐项记录第五条条件的审查结果。任一条件不符合的，项目未立项，请在说明中写明理由和依据。</translation>
    </message>
    <message>
        <source>&amp;Checked on:</source>
        <translation>审查日期(&amp;C)：</translation>
    </message>
    <message>
        <source>The application goes to the municipal bureau&apos;s evaluation.</source>
        <translation>提交市知识产权局评审。</translation>
    </message>
    <message>
        <source>&amp;Submitted on:</source>
        <translation>提交日期(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Note (optional):</source>
        <translation>备注(&amp;N)（可不填）：</translation>
    </message>
    <message>
        <source>&amp;Evaluated on:</source>
        <translation>评审日期(&amp;E)：</translation>
    </message>
    <message>
        <source>E&amp;xperts:</source>
        <translation>专家(&amp;X)：</translation>
    </message>
    <message>
        <source>Sco&amp;re (optional):</source>
        <translation>评分(&amp;R)（可不填）：</translation>
    </message>
    <message>
        <source>&amp;Opinion:</source>
        <translation>意见(&amp;O)：</translation>
    </message>
    <message>
        <source>立项: the evaluation, the task book and the approval instalment of %1 yuan (第十条). The period, budget and targets are those of the application; correct them there first if the task book changed them.</source>
        <translation>立项：登记评审结论、任务书和立项补助%1元（第十条）。实施周期、预算和绩效目标以申报信息为准；任务书有调整的，请先在申报信息中修改。</translation>
    </message>
    <message>
        <source>&amp;Task book number:</source>
        <translation>任务书编号(&amp;T)：</translation>
    </message>
    <message>
        <source>Task book &amp;signed on:</source>
        <translation>任务书签订日期(&amp;S)：</translation>
    </message>
    <message>
        <source>Approval instalment &amp;paid on:</source>
        <translation>立项补助拨付日期(&amp;P)：</translation>
    </message>
    <message>
        <source>Approval instalment (&amp;yuan):</source>
        <translation>立项补助金额（元）(&amp;Y)：</translation>
    </message>
    <message>
        <source>&amp;Basis of the amount (if not the default share):</source>
        <translation>金额依据（非默认比例时必填）(&amp;B)：</translation>
    </message>
    <message>
        <source>Payment &amp;voucher (optional):</source>
        <translation>拨付文号或凭证(&amp;V)（可不填）：</translation>
    </message>
    <message>
        <source>不予立项 after the evaluation: say why.</source>
        <translation>经评审不予立项：请写明理由。</translation>
    </message>
    <message>
        <source>The project starts; the period runs from %1 to %2.</source>
        <translation>项目开始实施；实施期为%1至%2。</translation>
    </message>
    <message>
        <source>&amp;Started on:</source>
        <translation>开始实施日期(&amp;S)：</translation>
    </message>
    <message>
        <source>第八条: the unit&apos;s progress, interim results and work plan; the targets&apos; actual values so far (cumulative) if the report gives them.</source>
        <translation>第八条：项目单位提交的执行进展、阶段性成果和工作计划；报告中有绩效目标完成情况的，填写截至报告日期的累计实际值。</translation>
    </message>
    <message>
        <source>&amp;Reported on:</source>
        <translation>报告日期(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Progress:</source>
        <translation>执行进展(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Interim results:</source>
        <translation>阶段性成果(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Work plan:</source>
        <translation>工作计划(&amp;W)：</translation>
    </message>
    <message>
        <source>第九条: the mid-term evaluation.</source>
        <translation>第九条：项目中期评估。</translation>
    </message>
    <message>
        <source>&amp;Grade:</source>
        <translation>评估结果(&amp;G)：</translation>
    </message>
    <message>
        <source>第八条: the unit&apos;s written request to extend, with its reasons, the progress so far and the new end date. The period now ends on %1.</source>
        <translation>第八条：项目单位的书面延期申请，说明延期理由、项目执行进展和延期结题时间。目前实施期至%1结束。</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Progress so far:</source>
        <translation>项目执行进展(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;New end date:</source>
        <translation>延期结题时间(&amp;N)：</translation>
    </message>
    <message>
        <source>第八条: the unit&apos;s written request to terminate, with its reasons, the progress so far and the follow-up arrangements.</source>
        <translation>第八条：项目单位的书面终止申请，说明终止理由、项目执行进展和后续处理事项。</translation>
    </message>
    <message>
        <source>&amp;Follow-up arrangements:</source>
        <translation>后续处理事项(&amp;F)：</translation>
    </message>
    <message>
        <source>Request of %1: %2</source>
        <translation>%1提交的申请：%2</translation>
    </message>
    <message>
        <source>New end date asked: %1 (now %2).</source>
        <translation>申请延期结题时间：%1（原为%2）。</translation>
    </message>
    <message>
        <source>Follow-up: %1</source>
        <translation>后续处理事项：%1</translation>
    </message>
    <message>
        <source>&amp;Decided on:</source>
        <translation>审定日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Decision:</source>
        <translation>审定结论：</translation>
    </message>
    <message>
        <source>&amp;Agree</source>
        <translation>同意(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Disagree</source>
        <translation>不同意(&amp;B)</translation>
    </message>
    <message>
        <source>Paid so far: %1 yuan. When agreeing, record what is recovered and what the unit keeps; together they must equal it.</source>
        <translation>已拨付%1元。同意终止的，须登记追回金额和项目单位留用金额，两者之和应等于已拨付金额。</translation>
    </message>
    <message>
        <source>&amp;Recovered (yuan):</source>
        <translation>追回金额(&amp;R)（元）：</translation>
    </message>
    <message>
        <source>&amp;Kept (yuan):</source>
        <translation>留用金额(&amp;K)（元）：</translation>
    </message>
    <message>
        <source>Recovered + kept = paid so far (%1 yuan)</source>
        <translation>追回金额与留用金额之和应等于已拨付的%1元</translation>
    </message>
    <message>
        <source>第八条: the closure acceptance against the task book&apos;s targets. A passed acceptance opens the closure instalment (第十条).</source>
        <translation>第八条：按任务书约定的目标任务进行结题验收。验收通过后方可拨付结题补助（第十条）。</translation>
    </message>
    <message>
        <source>&amp;Accepted on:</source>
        <translation>验收日期(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Method:</source>
        <translation>验收方式(&amp;M)：</translation>
    </message>
    <message>
        <source>E&amp;xperts or panel:</source>
        <translation>验收专家或验收组(&amp;X)：</translation>
    </message>
    <message>
        <source>Result:</source>
        <translation>验收结论：</translation>
    </message>
    <message>
        <source>&amp;Passed</source>
        <translation>通过(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Not passed</source>
        <translation>不通过(&amp;N)</translation>
    </message>
    <message>
        <source>Funds:</source>
        <translation>资金情况：</translation>
    </message>
    <message>
        <source>C&amp;losure instalment:</source>
        <translation>结题补助(&amp;L)：</translation>
    </message>
    <message>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <source>Reduced or recovered amount (&amp;yuan):</source>
        <translation>核减或追回金额（元）(&amp;Y)：</translation>
    </message>
    <message>
        <source>Reason for the &amp;decision:</source>
        <translation>处理理由(&amp;D)：</translation>
    </message>
    <message>
        <source>The closure instalment of %1 yuan (第十条), after the passed acceptance.</source>
        <translation>结题验收通过后拨付结题补助%1元（第十条）。</translation>
    </message>
    <message>
        <source>&amp;Paid on:</source>
        <translation>拨付日期(&amp;P)：</translation>
    </message>
    <message>
        <source>Fiscal funds spent (第十一条). A use outside the listed ones, or more than a use&apos;s budget, is recorded and flagged.</source>
        <translation>财政资金支出（第十一条）。不在所列用途内的或超出该用途预算的，照实登记并作提示。</translation>
    </message>
    <message>
        <source>&amp;Spent on:</source>
        <translation>支出日期(&amp;S)：</translation>
    </message>
    <message>
        <source>Other use (outside 第十一条)</source>
        <translation>其他用途（不在第十一条范围内）</translation>
    </message>
    <message>
        <source>&amp;Use:</source>
        <translation>用途(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Describe the other use:</source>
        <translation>其他用途说明(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Amount (yuan):</source>
        <translation>金额(&amp;A)（元）：</translation>
    </message>
    <message>
        <source>The targets&apos; actual values so far (cumulative), as the unit reported.</source>
        <translation>项目单位报告的绩效目标实际值（截至填报日期的累计数）。</translation>
    </message>
    <message>
        <source>Please fill in %1</source>
        <translation>请填写%1</translation>
    </message>
    <message>
        <source>Please choose: %1</source>
        <translation>请选择%1</translation>
    </message>
    <message>
        <source>Describe the use outside 第十一条 (it is recorded and flagged)</source>
        <translation>请说明不在第十一条范围内的用途（将照实登记并作提示）</translation>
    </message>
    <message>
        <source>Fill in at least one actual value</source>
        <translation>请至少填写一项实际值</translation>
    </message>
    <message>
        <source>Discard what you typed in this step?</source>
        <translation>放弃本次录入的内容？</translation>
    </message>
</context>
<context>
    <name>ProjectTargetModel</name>
    <message>
        <source>Target (第七条末)</source>
        <translation>绩效目标（第七条末）</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Actual so far</source>
        <translation>累计实际值</translation>
    </message>
    <message>
        <source>As of</source>
        <translation>填报日期</translation>
    </message>
    <message>
        <source>Completion</source>
        <translation>完成率</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>是否达到</translation>
    </message>
</context>
<context>
    <name>Projects</name>
    <message>
        <source>All statuses (%1)</source>
        <translation>全部状态（%1）</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>%1 cohort</source>
        <translation>%1年度</translation>
    </message>
    <message>
        <source>Reminders: %1 due, %2 overdue</source>
        <translation>提醒：%1项到期，其中%2项已逾期</translation>
    </message>
    <message>
        <source>Reminders as of %1 (progress reports every 6 months, the mid-term at half the period, the end of the period). Double-click to open the project.</source>
        <translation>提醒按%1计算（执行进展每6个月一次，中期评估在实施周期过半时，以及实施期结束）。双击打开项目。</translation>
    </message>
    <message>
        <source>%1 project(s) shown.</source>
        <translation>共%1个项目。</translation>
    </message>
    <message>
        <source>new project</source>
        <translation>新项目</translation>
    </message>
    <message>
        <source>The program was closed while %1 project window(s) had unsaved changes (%2). Open them again with those changes? If not, the changes are discarded.</source>
        <translation>程序关闭时有%1个项目窗口的修改未保存（%2）。是否带着这些修改重新打开？否则这些修改将被放弃。</translation>
    </message>
</context>
<context>
    <name>ProjectsView</name>
    <message>
        <source>Municipal high-value patent cultivation projects (渝知发〔2024〕67号) followed by the bureau: from the application to the closure acceptance.</source>
        <translation>重庆市高价值专利培育项目（渝知发〔2024〕67号）：本局日常管理的项目，从申报到结题验收。</translation>
    </message>
    <message>
        <source>&amp;Status:</source>
        <translation>状态(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年度(&amp;Y)：</translation>
    </message>
    <message>
        <source>Number, title, unit or credit code</source>
        <translation>项目编号、名称、单位名称或统一社会信用代码</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>查找(&amp;C)：</translation>
    </message>
    <message>
        <source>Only those needing &amp;attention</source>
        <translation>只看需要办理的(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;New project…</source>
        <translation>登记新项目(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>E&amp;xport all projects…</source>
        <translation>导出项目一览表(&amp;X)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>ResultModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>资助事项</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <source>&amp;Awaiting my review (%1)</source>
        <translation>待我审核(&amp;A)（%1）</translation>
    </message>
    <message>
        <source>Awaiting the &amp;bureau meeting (%1)</source>
        <translation>待办公会审定(&amp;B)（%1）</translation>
    </message>
    <message>
        <source>%1 case(s) awaiting review; the oldest has waited %2 days.</source>
        <translation>待审核案件 %1 件，最早的已等待 %2 天。</translation>
    </message>
    <message>
        <source>Nothing is awaiting review.</source>
        <translation>没有待审核的案件。</translation>
    </message>
    <message>
        <source>%1 of %2 case(s) ticked.</source>
        <translation>已勾选 %1 件，共 %2 件。</translation>
    </message>
    <message>
        <source>Bureau meeting decision</source>
        <translation>办公会审定</translation>
    </message>
    <message>
        <source>Tick the cases the meeting decided first.</source>
        <translation>请先勾选经办公会审定的案件。</translation>
    </message>
</context>
<context>
    <name>ReviewCase</name>
    <message>
        <source>&amp;4 Calculation</source>
        <translation>&amp;4 资助测算</translation>
    </message>
    <message>
        <source>&amp;5 History</source>
        <translation>&amp;5 办理记录</translation>
    </message>
    <message>
        <source>Review — %1 — %2</source>
        <translation>审核 — %1 — %2</translation>
    </message>
    <message>
        <source>In this status since %1 (%2 days)</source>
        <translation>自 %1 起处于此状态（%2 天）</translation>
    </message>
    <message>
        <source>not classified</source>
        <translation>未划型</translation>
    </message>
    <message>
        <source>, filed by an agent: %1</source>
        <translation>，受托人：%1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>No clerk&apos;s review yet.</source>
        <translation>尚无初审意见。</translation>
    </message>
    <message>
        <source>%1
— %2, %3</source>
        <translation>%1
— %2，%3</translation>
    </message>
    <message>
        <source>the same applicant</source>
        <translation>同一申请人</translation>
    </message>
    <message>
        <source>No patent or loan of this case is claimed in another case.</source>
        <translation>本案的专利、贷款未在其他案件中申请。</translation>
    </message>
    <message>
        <source>Item %1: %2 %3 is also claimed in </source>
        <translation>第 %1 项：%2 %3 也在案件 </translation>
    </message>
    <message>
        <source> (%1, %2)</source>
        <translation>（%1，%2）</translation>
    </message>
    <message>
        <source>Every required material was handed in complete.</source>
        <translation>应交材料均已齐全。</translation>
    </message>
    <message>
        <source>Missing or incomplete: %1</source>
        <translation>缺少或不齐全：%1</translation>
    </message>
    <message>
        <source>Cannot calculate: %1</source>
        <translation>无法测算：%1</translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>资助合计：—</translation>
    </message>
    <message>
        <source>Total: %1 yuan</source>
        <translation>资助合计：%1 元</translation>
    </message>
    <message>
        <source>In capitals: %1</source>
        <translation>大写：%1</translation>
    </message>
    <message>
        <source>Frozen at approval.</source>
        <translation>审核通过时已冻结。</translation>
    </message>
    <message>
        <source>After proration on the notice: %1 yuan.</source>
        <translation>公示按比例折算后：%1 元。</translation>
    </message>
    <message>
        <source>Bureau meeting: %1, minute %2.</source>
        <translation>办公会审定：%1，纪要编号 %2。</translation>
    </message>
    <message>
        <source>Objection: %1</source>
        <translation>异议：%1</translation>
    </message>
    <message>
        <source>Paid on %1, voucher %2.</source>
        <translation>已于 %1 兑现，凭证号 %2。</translation>
    </message>
    <message>
        <source>found</source>
        <translation>存在</translation>
    </message>
    <message>
        <source>not found</source>
        <translation>不存在</translation>
    </message>
    <message>
        <source>; checked: %1</source>
        <translation>；核查来源：%1</translation>
    </message>
    <message>
        <source>The engine finds no ground for not accepting.</source>
        <translation>系统未发现不予受理情形。</translation>
    </message>
    <message>
        <source>The engine finds: %1</source>
        <translation>系统发现：%1</translation>
    </message>
    <message>
        <source>Rejected at intake: %1</source>
        <translation>不予受理：%1</translation>
    </message>
    <message>
        <source>Please write the reason in the opinion box first.</source>
        <translation>请先在意见栏填写理由。</translation>
    </message>
    <message>
        <source>Approve %1? %2. The amounts are frozen at approval and the case goes on to the bureau meeting.</source>
        <translation>审核通过 %1？%2。审核通过后金额即冻结，案件转入办公会审定。</translation>
    </message>
    <message>
        <source>Return %1 to the clerk for another review?</source>
        <translation>是否将 %1 退回经办人重新初审？</translation>
    </message>
    <message>
        <source>Refuse %1 (不予资助)? This cannot be undone.</source>
        <translation>是否对 %1 作出不予资助决定？此操作不可撤销。</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1：已办理。</translation>
    </message>
    <message>
        <source>%1 — approved amount %2 yuan.</source>
        <translation>%1 — 审核金额 %2 元。</translation>
    </message>
    <message>
        <source>Save as a test case</source>
        <translation>存为测算用例</translation>
    </message>
    <message>
        <source>Name of the case (what the policy says it must give):</source>
        <translation>用例名称（政策规定应得多少）：</translation>
    </message>
    <message>
        <source>Clause it pins (e.g. 附件1·专利转让许可·第1行):</source>
        <translation>所依据的条款（如 附件1·专利转让许可·第1行）：</translation>
    </message>
    <message>
        <source>Saved in %1. Run it in 系统管理 → 政策.</source>
        <translation>已保存到 %1。可在 系统管理 → 政策 中运行。</translation>
    </message>
</context>
<context>
    <name>ReviewCaseView</name>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Credit code:</source>
        <translation>统一社会信用代码：</translation>
    </message>
    <message>
        <source>Kind and size:</source>
        <translation>类型及规模：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Handled by:</source>
        <translation>经办人：</translation>
    </message>
    <message>
        <source>Patent agency:</source>
        <translation>专利代理机构：</translation>
    </message>
    <message>
        <source>Bank account:</source>
        <translation>开户行及账号：</translation>
    </message>
    <message>
        <source>Received:</source>
        <translation>受理日期：</translation>
    </message>
    <message>
        <source>Registered by:</source>
        <translation>登记人：</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>资助金额</translation>
    </message>
    <message>
        <source>Clerk&apos;s opinion (初审)</source>
        <translation>初审意见</translation>
    </message>
    <message>
        <source>Intake checks</source>
        <translation>受理审查</translation>
    </message>
    <message>
        <source>Duplicate claims</source>
        <translation>重复申报</translation>
    </message>
    <message>
        <source>&amp;1 Summary</source>
        <translation>&amp;1 概况</translation>
    </message>
    <message>
        <source>&amp;2 Items</source>
        <translation>&amp;2 资助事项</translation>
    </message>
    <message>
        <source>&amp;3 Materials</source>
        <translation>&amp;3 申请材料</translation>
    </message>
    <message>
        <source>My &amp;opinion or reason:</source>
        <translation>审核意见或理由(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation>审核通过(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;turn to the clerk</source>
        <translation>退回经办人(&amp;T)</translation>
    </message>
    <message>
        <source>Re&amp;fuse</source>
        <translation>不予资助(&amp;F)</translation>
    </message>
    <message>
        <source>Record the &amp;meeting decision…</source>
        <translation>办公会审定(&amp;M)…</translation>
    </message>
    <message>
        <source>Open in the &amp;case window</source>
        <translation>在案件窗口中打开(&amp;C)</translation>
    </message>
    <message>
        <source>Recognition results and approved amounts (经认定, 核定金额) are set in the case window before approval.</source>
        <translation>认定结果和核定金额（经认定、核定金额）须在审核通过前于案件窗口中填写。</translation>
    </message>
    <message>
        <source>&amp;Print review opinion</source>
        <translation>打印审核意见(&amp;P)</translation>
    </message>
    <message>
        <source>Save as a &amp;test case…</source>
        <translation>存为测算用例(&amp;U)…</translation>
    </message>
    <message>
        <source>Pin this application and its amounts as a test case of the policy (测算用例): the program is checked against it from then on.</source>
        <translation>把本申请及其金额存为该政策的测算用例：此后程序都要按它核对。</translation>
    </message>
    <message>
        <source>Clos&amp;e</source>
        <translation>关闭(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ReviewChecklistModel</name>
    <message>
        <source>Material</source>
        <translation>材料</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必交</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收到</translation>
    </message>
    <message>
        <source>Stamped copies</source>
        <translation>盖章复印件（份）</translation>
    </message>
    <message>
        <source>Originals checked</source>
        <translation>原件已核对</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
</context>
<context>
    <name>ReviewClaimsModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>资助事项</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>As declared</source>
        <translation>申报内容</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>测算结果</translation>
    </message>
</context>
<context>
    <name>ReviewHistoryModel</name>
    <message>
        <source>Ground</source>
        <translation>情形</translation>
    </message>
    <message>
        <source>Materials to hand in</source>
        <translation>需补正材料</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>补正期限</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation>会议日期</translation>
    </message>
    <message>
        <source>Minute number</source>
        <translation>纪要编号</translation>
    </message>
    <message>
        <source>Notice batch</source>
        <translation>公示批次</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>兑现日期</translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation>凭证号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>办理环节</translation>
    </message>
    <message>
        <source>By</source>
        <translation>办理人</translation>
    </message>
    <message>
        <source>Status after</source>
        <translation>办理后状态</translation>
    </message>
    <message>
        <source>Opinion or reason</source>
        <translation>意见或理由</translation>
    </message>
</context>
<context>
    <name>ReviewMeetingDialog</name>
    <message>
        <source>Bureau meeting decision</source>
        <translation>办公会审定</translation>
    </message>
    <message>
        <source>Record the bureau meeting&apos;s decision (办公会审定) on %1 case(s): %2</source>
        <translation>登记办公会对 %1 件案件的审定结果：%2</translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation>登记(&amp;R)</translation>
    </message>
    <message>
        <source>Please fill in the minute number.</source>
        <translation>请填写会议纪要编号。</translation>
    </message>
</context>
<context>
    <name>ReviewMeetingView</name>
    <message>
        <source>e.g. 璧市监办〔2024〕12号</source>
        <translation>如 璧市监办〔2024〕12号</translation>
    </message>
    <message>
        <source>Meeting &amp;date:</source>
        <translation>会议日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Minute number:</source>
        <translation>纪要编号(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>资助事项</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>经办人</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation>提交审核时间</translation>
    </message>
    <message>
        <source>Days waited</source>
        <translation>已等待（天）</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation>审核金额（元）</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>审核通过时间</translation>
    </message>
    <message>
        <source>Bureau meeting</source>
        <translation>办公会审定</translation>
    </message>
    <message>
        <source>A patent of this case is also claimed in another case</source>
        <translation>本案有专利也在其他案件中申报</translation>
    </message>
    <message>
        <source>You registered or reviewed this case: another supervisor must approve it.</source>
        <translation>本案由您登记或初审：须由另一位审核人审核通过。</translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Cases the clerks have submitted for review, the longest waiting first. Open a case to read the whole file and approve, return or refuse it.</source>
        <translation>经办人提交审核的案件，等待最久的排在最前。打开案件可查阅全部材料，并作出审核通过、退回或不予资助的决定。</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>Approved cases go to the bureau meeting (办公会) before the public notice. Tick the cases the meeting decided and record its date and minute number once for all of them.</source>
        <translation>审核通过的案件须经办公会审定后方可公示。请勾选办公会审定的案件，一次登记会议日期和纪要号。</translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation>打开(&amp;P)</translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation>全选(&amp;L)</translation>
    </message>
    <message>
        <source>Record the &amp;meeting decision…</source>
        <translation>登记办公会审定(&amp;M)…</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>ServerView</name>
    <message>
        <source>Connect to the database server</source>
        <translation>连接数据库服务器</translation>
    </message>
    <message>
        <source>Several counters share one database on the bureau&apos;s server. Enter the address your administrator gave you (see the installation guide, &quot;Several counters&quot;).</source>
        <translation>多个窗口共用局里服务器上的同一个数据库。请填写管理员提供的地址（见安装说明“多个窗口共用一个数据库”）。</translation>
    </message>
    <message>
        <source>e.g. 192.168.10.5 or ipdesk-server</source>
        <translation>如 192.168.10.5 或 ipdesk-server</translation>
    </message>
    <message>
        <source>&amp;Remember the password in this PC&apos;s credential store</source>
        <translation>在本机凭据管理器中记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>Server &amp;address:</source>
        <translation>服务器地址(&amp;A)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Database:</source>
        <translation>数据库名(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>连接(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>Please choose where the database file goes.</source>
        <translation>请选择数据库文件的位置。</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>创建管理员(&amp;C)</translation>
    </message>
    <message>
        <source>The two passwords differ. Please type them again.</source>
        <translation>两次输入的密码不一致，请重新输入。</translation>
    </message>
</context>
<context>
    <name>SetupView</name>
    <message>
        <source>First-time setup</source>
        <translation>首次设置</translation>
    </message>
    <message>
        <source>Welcome. Choose where the database file is kept. Keep it on this PC&apos;s local disk and back it up regularly (File → Back up the database). An existing database file may also be chosen.</source>
        <translation>欢迎使用。请选择数据库文件的存放位置。建议存放在本机硬盘上，并定期备份（文件 → 备份数据库）。也可以选择已有的数据库文件。</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Database file:</source>
        <translation>数据库文件(&amp;D)：</translation>
    </message>
    <message>
        <source>Create the system administrator. The administrator adds the clerks and supervisors and manages backups.</source>
        <translation>请创建系统管理员。管理员负责添加窗口经办和审核人用户，并管理备份。</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>姓名(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Repeat password:</source>
        <translation>再次输入密码(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>下一步(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
</context>
<context>
    <name>SmeDialog</name>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Total assets</source>
        <translation>资产总额</translation>
    </message>
    <message>
        <source>Result: %1 enterprise</source>
        <translation>结论：%1企业</translation>
    </message>
    <message>
        <source>Result: %1 enterprise (not an SME)</source>
        <translation>结论：%1企业（不属于中小微企业）</translation>
    </message>
</context>
<context>
    <name>SmeView</name>
    <message>
        <source>Enterprise size (SME classification)</source>
        <translation>企业规模划型（中小微企业）</translation>
    </message>
    <message>
        <source>yuan, from last year&apos;s accounts</source>
        <translation>单位：元，按上年度财务数据</translation>
    </message>
    <message>
        <source>&amp;Industry:</source>
        <translation>所属行业(&amp;I)：</translation>
    </message>
    <message>
        <source>&amp;Employees:</source>
        <translation>从业人员（人）(&amp;E)：</translation>
    </message>
    <message>
        <source>&amp;Revenue (yuan):</source>
        <translation>营业收入（元）(&amp;R)：</translation>
    </message>
    <message>
        <source>Total &amp;assets (yuan):</source>
        <translation>资产总额（元）(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Classify</source>
        <translation>判断(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Use this size</source>
        <translation>采用此结果(&amp;U)</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Open a database file</source>
        <translation>打开数据库文件</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份文件</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>正在恢复备份…</translation>
    </message>
</context>
<context>
    <name>Statistics</name>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Nothing has been paid yet.</source>
        <translation>尚无兑现。</translation>
    </message>
    <message>
        <source>%1 case(s) paid. District universities&apos; effective patents: %2.</source>
        <translation>已兑现 %1 件。区内高校院所有效专利数：%2。</translation>
    </message>
    <message>
        <source>not entered (an administrator enters it under Administration)</source>
        <translation>未填报（由系统管理员在“系统管理”中填报）</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>Paid in all: %1 yuan (amounts actually paid, after any proration)</source>
        <translation>兑现合计：%1 元（实际拨付金额，已按比例折算）</translation>
    </message>
    <message>
        <source>Cases paid</source>
        <translation>已兑现案件</translation>
    </message>
    <message>
        <source>Export the statistics</source>
        <translation>导出统计</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在生成 %1…</translation>
    </message>
</context>
<context>
    <name>StatisticsCasesDialog</name>
    <message>
        <source>Cases behind the figure</source>
        <translation>数字对应的案件</translation>
    </message>
    <message>
        <source>%1 — %2 case(s)</source>
        <translation>%1 — 共 %2 件</translation>
    </message>
    <message>
        <source>%1 — no case counts towards this figure yet.</source>
        <translation>%1 — 尚无计入该数字的案件。</translation>
    </message>
</context>
<context>
    <name>StatisticsCasesModel</name>
    <message>
        <source>Case number</source>
        <translation>案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation>审核金额（元）</translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation>兑现金额（元）</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>兑现日期</translation>
    </message>
</context>
<context>
    <name>StatisticsCasesView</name>
    <message>
        <source>&amp;Open the case</source>
        <translation>打开案件(&amp;O)</translation>
    </message>
</context>
<context>
    <name>StatisticsItemsModel</name>
    <message>
        <source>Item</source>
        <translation>资助事项</translation>
    </message>
    <message>
        <source>Form row (附件2)</source>
        <translation>申请表行次（附件2）</translation>
    </message>
    <message>
        <source>Claims paid</source>
        <translation>已兑现项数</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation>审核金额（元）</translation>
    </message>
</context>
<context>
    <name>StatisticsMonthsModel</name>
    <message>
        <source>Month paid</source>
        <translation>兑现月份</translation>
    </message>
    <message>
        <source>Cases paid</source>
        <translation>兑现件数</translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation>兑现金额（元）</translation>
    </message>
</context>
<context>
    <name>StatisticsTargetsModel</name>
    <message>
        <source>Target</source>
        <translation>工作目标</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Target value</source>
        <translation>目标值</translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation>完成值</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>完成进度</translation>
    </message>
    <message>
        <source>Still to go</source>
        <translation>差距</translation>
    </message>
    <message>
        <source>Met</source>
        <translation>是否完成</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Double-click for the %1 case(s) behind it.</source>
        <translation>双击查看对应的 %1 件案件。</translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>&amp;Programme:</source>
        <translation>资助项目(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation>导出 Excel(&amp;X)…</translation>
    </message>
    <message>
        <source>Counted: cases paid, claims the review found eligible. Double-click any figure for the cases behind it.</source>
        <translation>统计口径：已兑现的案件、经审核符合条件的资助事项。双击任一数字可查看对应案件。</translation>
    </message>
    <message>
        <source>&amp;1 Targets</source>
        <translation>&amp;1 工作目标</translation>
    </message>
    <message>
        <source>Budget use</source>
        <translation>预算使用</translation>
    </message>
    <message>
        <source>Programme budget:</source>
        <translation>年度预算：</translation>
    </message>
    <message>
        <source>Held or paid by notices:</source>
        <translation>公示占用及已兑现：</translation>
    </message>
    <message>
        <source>Approved for the cases paid:</source>
        <translation>已兑现案件审核金额：</translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation>已兑现：</translation>
    </message>
    <message>
        <source>Share of the budget paid:</source>
        <translation>预算兑现比例：</translation>
    </message>
    <message>
        <source>Not yet paid:</source>
        <translation>尚未兑现：</translation>
    </message>
    <message>
        <source>&amp;Cases paid…</source>
        <translation>已兑现案件(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;2 Amounts and budget</source>
        <translation>&amp;2 资助金额与预算</translation>
    </message>
    <message>
        <source>By &amp;month, stacked by item</source>
        <translation>按月份（按事项分段）(&amp;M)</translation>
    </message>
    <message>
        <source>By &amp;item</source>
        <translation>按事项(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;3 Payouts chart</source>
        <translation>&amp;3 兑现图表</translation>
    </message>
</context>
<context>
    <name>StatusCountsModel</name>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>to be changed at next login</source>
        <translation>下次登录须修改</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>YearLinesModel</name>
    <message>
        <source>Case number</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Batch</source>
        <translation>公示批次</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation>审核金额（元）</translation>
    </message>
    <message>
        <source>At the year&apos;s ratio (yuan)</source>
        <translation>按全年比例（元）</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>第 %1 批</translation>
    </message>
</context>
<context>
    <name>YearRulingDialog</name>
    <message>
        <source>Year ruling</source>
        <translation>年度核定</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>No year ruling yet: payouts wait for it.</source>
        <translation>尚未年度核定：兑现须待核定之后。</translation>
    </message>
    <message>
        <source>In force: year ruling no. %1, made %2 by %3.</source>
        <translation>现行：第 %1 次年度核定，%3 于 %2 核定。</translation>
    </message>
    <message>
        <source>Fix the %1 ratio at %2 over %3 approved case(s)? Amounts on notice are set to their share; payouts follow it.</source>
        <translation>按全年比例 %2 对 %3 件审核通过的案件进行 %1 年度核定？已公示的金额将按比例调整，兑现以此为准。</translation>
    </message>
</context>
<context>
    <name>YearRulingView</name>
    <message>
        <source>Seed 002 (4) prorates over the budget with one ratio for the whole year. After the application deadline the year ruling fixes that ratio over every approved case; notices and payouts follow it. It can be made again, to take in cases decided since, until the first payment under it.</source>
        <translation>政策第四条「超过预算资金根据实际情况按比例进行资助」：全年只有一个比例。申报截止后，年度核定按全年所有审核通过的案件确定这一比例，公示和兑现都以此为准。核定后、首笔兑现前，可以重新核定，以纳入此后审定的案件。</translation>
    </message>
    <message>
        <source>The year</source>
        <translation>全年</translation>
    </message>
    <message>
        <source>Programme budget:</source>
        <translation>资助预算：</translation>
    </message>
    <message>
        <source>Approved total:</source>
        <translation>审核金额合计：</translation>
    </message>
    <message>
        <source>Paid before the ruling:</source>
        <translation>核定前已兑现：</translation>
    </message>
    <message>
        <source>The year&apos;s ratio:</source>
        <translation>全年比例：</translation>
    </message>
    <message>
        <source>At the ratio:</source>
        <translation>按比例合计：</translation>
    </message>
    <message>
        <source>Cases still in review:</source>
        <translation>在审案件：</translation>
    </message>
    <message>
        <source>&amp;Fix the year&apos;s ratio</source>
        <translation>年度核定(&amp;F)</translation>
    </message>
</context>
</TS>
