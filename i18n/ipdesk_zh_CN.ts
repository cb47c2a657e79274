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
        <source>Please fill in: %1</source>
        <translation>请填写：%1</translation>
    </message>
</context>
<context>
    <name>Admin</name>
    <message>
        <source>&amp;1 Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;2 Backup and restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;3 Integrity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;4 Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;5 Policy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;6 LPR</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminAudit</name>
    <message>
        <source>Everyone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No single case matches “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records %1–%2 of %3, newest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No record matches.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminAuditView</name>
    <message>
        <source>&amp;User:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>case number, e.g. 18 or 2024-18</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to</source>
        <translation type="unfinished">至</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Newest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ne&amp;xt page</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminBackup</name>
    <message>
        <source>The database has never been backed up. Back it up now to a USB stick (系统管理 → 备份与恢复).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last backup was made %1, more than %2 days ago. Back up now to a USB stick (系统管理 → 备份与恢复).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup has been made yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last backup: %1, to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database in use: %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 case(s), %2 audit record(s), last change %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the folder for the backup (e.g. the USB stick)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up to %1 (%2 KB), checked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backup</source>
        <translation type="unfinished">备份</translation>
    </message>
    <message>
        <source>Backing up…</source>
        <translation type="unfinished">正在备份…</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation type="unfinished">选择要恢复的备份文件</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished">恢复备份</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace the database in use
  %1
  (%2)
by the backup
  %3
  (%4 case(s), %5 audit record(s), last change %6; checked, intact)?

Everything entered since that backup — cases, decisions, notices, payouts, users — is replaced. A safety copy of the database in use is kept next to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup is from an older version; it is upgraded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not restored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored from %1. The database as it was is kept as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation type="unfinished">正在恢复…</translation>
    </message>
</context>
<context>
    <name>AdminBackupView</name>
    <message>
        <source>Backup</source>
        <translation type="unfinished">备份</translation>
    </message>
    <message>
        <source>Back up at least once a week to a USB stick or another disk kept away from this PC. The copy is made while the program stays open, and checked before it is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Back up to a folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished">恢复备份</translation>
    </message>
    <message>
        <source>Restoring replaces everything in the database in use by the backup: cases, users, notices and the audit log. The backup is checked first (its integrity and its audit chain), and a safety copy of the current database is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation type="unfinished">恢复备份(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>AdminIntegrity</name>
    <message>
        <source>Not checked yet in this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The check could not run: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intact (checked %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Problems found (checked %1). Restore the last good backup and tell the developer.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminIntegrityView</name>
    <message>
        <source>Checks every page of the database file (PRAGMA integrity_check) and walks the audit log from its first record, recomputing each record&apos;s hash: an edit, a deletion or damage is named by its record number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Check now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminLprView</name>
    <message>
        <source>The interest subsidy uses the loan prime rate in force on the loan&apos;s date. When the People&apos;s Bank publishes a new rate, add it here with the day it takes effect; approved cases keep the rate they were approved with.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a newly published rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>where it was published</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In &amp;force from:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;1-year:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;5-year+:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;ote:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminPolicy</name>
    <message>
        <source>%1, version %2 — read from the policy file; it changes only with a new version of the program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write a whole number, or leave it empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished">已保存。</translation>
    </message>
</context>
<context>
    <name>AdminPolicyView</name>
    <message>
        <source>&amp;Programme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expand all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;ollapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For the statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>leave empty while not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>District universities&apos; and institutes&apos; effective &amp;patents:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished">保存(&amp;S)</translation>
    </message>
</context>
<context>
    <name>AdminUserDialog</name>
    <message>
        <source>Add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new user changes this password at the first login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new password for %1, to be changed at the next login. A lock after wrong passwords is lifted too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The roles of %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished">保存(&amp;S)</translation>
    </message>
    <message>
        <source>The two passwords differ. Type the same one twice.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminUserView</name>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished">用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished">申请人名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation type="unfinished">密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Pass&amp;word again:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Clerk (窗口经办)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supervisor (审核人)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ad&amp;ministrator (系统管理员)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminUsers</name>
    <message>
        <source>Saved.</source>
        <translation type="unfinished">已保存。</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivate %1? They can no longer log in; their name stays in the records.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AdminUsersView</name>
    <message>
        <source>Users are never deleted, so that every record keeps the name of who did it: a user who leaves is deactivated. A new or reset password must be changed at the next login.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add a user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset the &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Roles…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Deactivate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;activate</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished">申请人</translation>
    </message>
    <message>
        <source>User</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Setting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>LPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cultivation project</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password reset</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First administrator created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No.</source>
        <translation type="unfinished">序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
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
        <source>New application</source>
        <translation>新申请</translation>
    </message>
    <message>
        <source>Not registered yet</source>
        <translation>尚未登记</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>有未保存的修改</translation>
    </message>
    <message>
        <source>Unsaved changes found</source>
        <translation>发现未保存的修改</translation>
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
        <translation>全部资助事项</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年度</translation>
    </message>
    <message>
        <source>%1 cases</source>
        <translation>共 %1 件</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>正在查询…</translation>
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
        <source>decimal, e.g. 0.0345</source>
        <translation>小数，如 0.0345</translation>
    </message>
    <message>
        <source>e.g. ZL201710601862.3</source>
        <translation>如 ZL201710601862.3</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>必填</translation>
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
        <source>Source looked up (e.g. China Enforcement Information Disclosure)</source>
        <translation>核查来源（如：中国执行信息公开网）</translation>
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
        <translation>✓ 不适用</translation>
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
        <source>IP Subsidy Desk — Log in</source>
        <translation>专利转化运用资助受理审核系统 — 登录</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1-year LPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Over 5 years</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished">备注</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source> [demo]</source>
        <translation> [演示]</translation>
    </message>
    <message>
        <source>IP Subsidy Desk — %1 (%2) — %3 — programme year %4</source>
        <translation>专利转化运用资助受理审核系统 — %1（%2）— %3 — %4年度</translation>
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
        <source>Unsaved work found</source>
        <translation>发现未保存的工作</translation>
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
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份文件</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>%1

Restoring replaces every case in the current database by the backup. A safety copy of the current database is kept. Restore now?</source>
        <translation>%1

恢复将用备份替换当前数据库中的全部案件，当前数据库会另存一份安全副本。现在恢复吗？</translation>
    </message>
    <message>
        <source>The backup was restored. The previous database was kept as %1.</source>
        <translation>备份已恢复。原数据库已另存为 %1。</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>正在恢复…</translation>
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
        <source>%1 budget %2 yuan; held or paid by notices %3 yuan; left %4 yuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 decided case(s) await a notice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>on notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice from %1 to %2. Budget %3 yuan, held by earlier batches %4 yuan, left %5 yuan; approved in this batch %6 yuan, ratio %7, on notice %8 yuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark %1 ticked paid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark paid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close %1? Cases without objection are cleared for payout; cases with an objection stay held until it is handled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved: printed on every notice list from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished">已保存到 %1</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the notice list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the payout list</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBatchDialog</name>
    <message>
        <source>New notice batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create the notice batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick at least one case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (prorated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ends %1 (holidays counted by the notice calendar)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put %1 case(s) on notice from %2 to %3, %4 yuan in all? The amounts shown are saved with the batch.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBatchView</name>
    <message>
        <source>Cases decided by the bureau meeting and not yet on notice. Tick the cases for this batch: the figures below are worked out by the program as you tick, and nothing is saved until you create the batch.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice &amp;starts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Working days:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget and proration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held by earlier batches:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget left:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved in this batch:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Proration ratio:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This batch on notice:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeBatchesModel</name>
    <message>
        <source>Batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeEntriesModel</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished">案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished">申请人</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On notice (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Objection and handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handling: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeObjectionDialog</name>
    <message>
        <source>Handle the objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The objection to %1:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Finding and handling:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record the handling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An objection to %1 holds the case back from payout until it is handled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Objection (who, and on what grounds):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record the objection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in: %1</source>
        <translation type="unfinished">请填写：%1</translation>
    </message>
</context>
<context>
    <name>NoticeObjectionView</name>
    <message>
        <source>&amp;Not upheld: the case goes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Upheld: the case is refused (不予资助)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticePaymentDialog</name>
    <message>
        <source>Mark paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the payout of %1 case(s) cleared after the notice. Type the voucher number of each payment in the table, or one number for all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: %1 yuan (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record the payout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher number missing for: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticePaymentView</name>
    <message>
        <source>Paid &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 璧财拨〔2024〕301号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Voucher for every case:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Fill in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticePaymentsModel</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished">案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished">申请人</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished">金额（元）</translation>
    </message>
    <message>
        <source>Voucher number</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticePreviewModel</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished">案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished">申请人</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After proration (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reduced by (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoticeView</name>
    <message>
        <source>&amp;New notice batch…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice batches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>department and telephone, printed on the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice list (&amp;PDF)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice list (&amp;Excel)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record an &amp;objection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Handle the objection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close the notice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payout &amp;list (Excel)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>with cases already p&amp;aid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Mark paid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open ca&amp;se</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objections:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Payout:</source>
        <translation type="unfinished"></translation>
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
        <source>Whole &amp;page</source>
        <translation>整页(&amp;P)</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Content</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clause</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fixed sum per unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A fixed sum plus a share above a threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interest subsidy at the LPR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A share of the fees paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The amount approved by the reviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By rank among the applicants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The actual cost, up to a cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate or sum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bonus cap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Months at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Long-term loan after months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awards by rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cap per event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Title</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File fingerprint (SHA-256)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activities completed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice (working days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copies of each material</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application form</source>
        <translation type="unfinished">申请表</translation>
    </message>
    <message>
        <source>Items (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cumulative caps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished">资助事项</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Best of, never stacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Grounds for not accepting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decided by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Readings taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calculation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applicants</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Small or medium enterprises only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Needs recognition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date that counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Condition</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declared</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting the &amp;bureau meeting (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 case(s) awaiting review; the oldest has waited %2 days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is awaiting review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 case(s) ticked.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bureau meeting decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick the cases the meeting decided first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewCase</name>
    <message>
        <source>&amp;4 Calculation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;5 History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review — %1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In this status since %1 (%2 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not classified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, filed by an agent: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No clerk&apos;s review yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1
— %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No patent of this case is claimed in another case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the same applicant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item %1: patent %2 is also claimed in </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> (%1, %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every required material was handed in complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Missing or incomplete: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot calculate: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation type="unfinished">资助合计：—</translation>
    </message>
    <message>
        <source>Total: %1 yuan</source>
        <translation type="unfinished">资助合计：%1 元</translation>
    </message>
    <message>
        <source>In capitals: %1</source>
        <translation type="unfinished">大写：%1</translation>
    </message>
    <message>
        <source>Frozen at approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After proration on the notice: %1 yuan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bureau meeting: %1, minute %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Objection: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid on %1, voucher %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; checked: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine finds no ground for not accepting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The engine finds: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected at intake: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You registered this case or gave its clerk&apos;s review: under the four-eyes rule another supervisor approves it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please write the reason in the opinion box first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approve %1? %2. The amounts are frozen at approval and the case goes on to the bureau meeting.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Return %1 to the clerk for another review?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refuse %1 (不予资助)? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — approved amount %2 yuan.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewCaseView</name>
    <message>
        <source>Applicant</source>
        <translation type="unfinished">申请人</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Credit code:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind and size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handled by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patent agency:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bank account:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Received:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Registered by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount</source>
        <translation type="unfinished">测算金额</translation>
    </message>
    <message>
        <source>Clerk&apos;s opinion (初审)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Intake checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Duplicate claims</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;1 Summary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;2 Items</source>
        <translation type="unfinished">&amp;2 资助事项</translation>
    </message>
    <message>
        <source>&amp;3 Materials</source>
        <translation type="unfinished">&amp;3 申请材料</translation>
    </message>
    <message>
        <source>My &amp;opinion or reason:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Approve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;turn to the clerk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;fuse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the &amp;meeting decision…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in the &amp;case window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recognition results and approved amounts (经认定, 核定金额) are set in the case window before approval.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print review opinion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clos&amp;e</source>
        <translation type="unfinished">关闭(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ReviewChecklistModel</name>
    <message>
        <source>Material</source>
        <translation type="unfinished">材料</translation>
    </message>
    <message>
        <source>Required</source>
        <translation type="unfinished">必填</translation>
    </message>
    <message>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stamped copies</source>
        <translation type="unfinished">盖章复印件（份）</translation>
    </message>
    <message>
        <source>Originals checked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished">备注</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewClaimsModel</name>
    <message>
        <source>No.</source>
        <translation type="unfinished">序号</translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished">资助事项</translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished">完成日期</translation>
    </message>
    <message>
        <source>As declared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished">金额（元）</translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewHistoryModel</name>
    <message>
        <source>Ground</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Materials to hand in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished">金额（元）</translation>
    </message>
    <message>
        <source>Meeting date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Minute number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notice batch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Voucher</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opinion or reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewMeetingDialog</name>
    <message>
        <source>Bureau meeting decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the bureau meeting&apos;s decision (办公会审定) on %1 case(s): %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please fill in the minute number.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewMeetingView</name>
    <message>
        <source>e.g. 璧市监办〔2024〕12号</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Meeting &amp;date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Minute number:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewQueueModel</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished">案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished">申请人</translation>
    </message>
    <message>
        <source>Items</source>
        <translation type="unfinished">资助事项</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation type="unfinished">金额（元）</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation type="unfinished">经办人</translation>
    </message>
    <message>
        <source>Submitted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days waited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bureau meeting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A patent of this case is also claimed in another case</source>
        <translation type="unfinished">本案件的专利也在其他案件中申报</translation>
    </message>
    <message>
        <source>You registered or reviewed this case: another supervisor must approve it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReviewView</name>
    <message>
        <source>Cases the clerks have submitted for review, the longest waiting first. Open a case to read the whole file and approve, return or refuse it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished">打开(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved cases go to the bureau meeting (办公会) before the public notice. Tick the cases the meeting decided and record its date and minute number once for all of them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;pen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tick &amp;all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record the &amp;meeting decision…</source>
        <translation type="unfinished"></translation>
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
        <source>IP Subsidy Desk — First-time setup</source>
        <translation>专利转化运用资助受理审核系统 — 首次设置</translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing has been paid yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 case(s) paid. District universities&apos; effective patents: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not entered (an administrator enters it under Administration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid in all: %1 yuan (amounts actually paid, after any proration)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the statistics</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation type="unfinished">已保存到 %1</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsCasesDialog</name>
    <message>
        <source>Cases behind the figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 case(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — no case counts towards this figure yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsCasesModel</name>
    <message>
        <source>Case number</source>
        <translation type="unfinished">案件编号</translation>
    </message>
    <message>
        <source>Applicant</source>
        <translation type="unfinished">申请人</translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished">状态</translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsCasesView</name>
    <message>
        <source>&amp;Open the case</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsItemsModel</name>
    <message>
        <source>Item</source>
        <translation type="unfinished">资助事项</translation>
    </message>
    <message>
        <source>Form row (附件2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claims paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsMonthsModel</name>
    <message>
        <source>Month paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cases paid</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid (yuan)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsTargetsModel</name>
    <message>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Target value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Achieved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still to go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Double-click for the %1 case(s) behind it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StatisticsView</name>
    <message>
        <source>&amp;Programme:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counted: cases paid, claims the review found eligible. Double-click any figure for the cases behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;1 Targets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Budget use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Programme budget:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Held or paid by notices:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Approved for the cases paid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share of the budget paid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not yet paid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Cases paid…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;2 Amounts and budget</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;month, stacked by item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By &amp;item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;3 Payouts chart</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Roles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deactivated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to be changed at next login</source>
        <translation type="unfinished"></translation>
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
</TS>
