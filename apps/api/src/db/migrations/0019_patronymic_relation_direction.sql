-- A conflict's relation says what the candidate is to the employee, as a declared relative does
-- ("child": the candidate is the employee's child). The matcher's two patronymic rules wrote the
-- opposite: "Rizki bin Hasan" (employee) and a candidate "Hasan" was stored as child, though the
-- candidate is Rizki's parent; a candidate "Rina binti Darto" and an employee "Darto" as parent,
-- though the candidate is Darto's child. Only the matcher's patronymic suggestions are turned round;
-- declared relations, the own-name rule and every decision stay as they are.
UPDATE conflicts
   SET relation = CASE relation WHEN 'child' THEN 'parent' ELSE 'child' END
 WHERE source = 'matcher'
   AND relation IN ('child', 'parent')
   AND reasons::text LIKE '%patronymic:%';
