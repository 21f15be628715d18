import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Center,
  CloseButton,
  Group,
  Loader,
  Menu,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormActions } from '../../components/form-actions.tsx';
import { UserCreateInput, UserPasswordReset, UserPatch, type Employee, type User, type UserAction, type UserGrant } from '@netra/contracts';
import { ConfirmModal } from '../../components/confirm-modal.tsx';
import { Pager } from '../../components/pager.tsx';
import { ProblemAlert } from '../../components/problem-alert.tsx';
import { EmployeePicker } from './employee-picker.tsx';
import { EMPTY_GRANT, GrantFields, grantPayload, grantProblems, type GrantDraft } from './grant-fields.tsx';
import {
  useAddGrant,
  useCreateUser,
  useRemoveGrant,
  useResetPassword,
  useResetTotp,
  useSetUserActive,
  useUnlockUser,
  useUpdateContacts,
  useUsers,
} from './users-api.ts';
import { usePageTitle } from '../../lib/use-page-title.ts';

const USERS_PAGE_SIZE = 50;

function isLocked(user: User): boolean {
  return user.lockedUntil !== null && new Date(user.lockedUntil).getTime() > Date.now();
}

type Dialog =
  | { kind: 'create' }
  | { kind: 'addGrant'; user: User }
  | { kind: 'removeGrant'; user: User; grant: UserGrant }
  | { kind: 'setActive'; user: User; active: boolean }
  | { kind: 'contacts'; user: User }
  | { kind: 'password'; user: User }
  | { kind: 'totp'; user: User };

export function UsersPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [page, setPage] = useState(1);
  const users = useUsers({ q: search.trim(), page, pageSize: USERS_PAGE_SIZE });
  usePageTitle(t('users.title'));
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);

  return (
    <Stack gap="md" maw={1400} mx="auto">
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={1} size="h2">
            {t('users.title')}
          </Title>
          <Text c="dimmed" size="sm">
            {t('users.intro')}
          </Text>
        </Stack>
        <Button onClick={() => setDialog({ kind: 'create' })} data-testid="user-create">
          {t('users.create')}
        </Button>
      </Group>

      <TextInput
        label={t('users.search')}
        placeholder={t('users.searchPlaceholder')}
        value={search}
        onChange={(event) => {
          setSearch(event.currentTarget.value);
          setPage(1);
        }}
        maw={420}
        data-testid="users-search"
      />
      <ProblemAlert error={users.error} />

      {users.isPending ? (
        <Center py="xl">
          <Loader aria-label={t('common.loading')} />
        </Center>
      ) : users.data && users.data.items.length === 0 ? (
        <Paper withBorder p="xl">
          <Text c="dimmed" ta="center">
            {t('users.empty')}
          </Text>
        </Paper>
      ) : users.data ? (
        <Paper withBorder>
          <Table.ScrollContainer minWidth={860}>
            <Table verticalSpacing="sm" striped aria-label={t('users.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('users.columns.user')}</Table.Th>
                  <Table.Th>{t('users.grants')}</Table.Th>
                  <Table.Th>{t('users.status')}</Table.Th>
                  <Table.Th w={80}>
                    <VisuallyHidden>{t('users.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {users.data.items.map((user) => (
                  <UserRow key={user.id} user={user} onDialog={setDialog} />
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          <Stack p="sm">
            <Pager page={page} pageSize={USERS_PAGE_SIZE} total={users.data.total} onChange={setPage} />
          </Stack>
        </Paper>
      ) : null}

      {dialog?.kind === 'create' && <CreateUserModal onClose={close} />}
      {dialog?.kind === 'addGrant' && <AddGrantModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'removeGrant' && <RemoveGrantDialog user={dialog.user} grant={dialog.grant} onClose={close} />}
      {dialog?.kind === 'setActive' && <SetActiveDialog user={dialog.user} active={dialog.active} onClose={close} />}
      {dialog?.kind === 'contacts' && <ContactsModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'password' && <ResetPasswordModal user={dialog.user} onClose={close} />}
      {dialog?.kind === 'totp' && <ResetTotpDialog user={dialog.user} onClose={close} />}
    </Stack>
  );
}

function UserRow({ user, onDialog }: { user: User; onDialog: (dialog: Dialog) => void }) {
  const { t } = useTranslation();
  const unlock = useUnlockUser();
  const locked = isLocked(user);
  return (
    <Table.Tr data-testid="user-row">
      <Table.Td>
        <Text fw={500} size="sm">
          {user.displayName}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace">
          {user.username}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={6} align="flex-start">
          {user.grants.map((grant) => (
            <Group key={grant.id} gap={4} wrap="nowrap" align="flex-start" data-testid="user-grant">
              <Paper withBorder px="xs" py={4} bg="var(--mantine-color-blue-0)">
                <Text size="sm" fw={600} c="blue.9">
                  {t(`roles.${grant.role}`)}
                </Text>
                <Text size="xs" c="dimmed" data-testid="user-grant-scope">
                  <GrantScope grant={grant} employee={user.employee} />
                </Text>
              </Paper>
              {grant.removable && (
                <CloseButton
                  size="sm"
                  aria-label={`${t('users.removeGrant')}: ${t(`roles.${grant.role}`)}`}
                  onClick={() => onDialog({ kind: 'removeGrant', user, grant })}
                />
              )}
            </Group>
          ))}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          <Badge variant="light" color={user.active ? 'green' : 'gray'}>
            {user.active ? t('common.active') : t('common.inactive')}
          </Badge>
          {locked && (
            <Badge variant="light" color="red">
              {t('users.locked')}
            </Badge>
          )}
          <Badge variant="outline" color={user.totpEnabled ? 'teal' : 'gray'}>
            {user.totpEnabled ? t('users.totpOn') : t('users.totpOff')}
          </Badge>
        </Group>
        {unlock.error ? <ProblemAlert error={unlock.error} /> : null}
      </Table.Td>
      <Table.Td>
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={t('users.actionsFor', { name: user.displayName })}>
              <span aria-hidden="true">⋯</span>
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown maw={320}>
            {user.allowedActions.length === 0 && (
              <Text size="xs" c="dimmed" px="sm" py="xs" data-testid="user-not-manageable">
                {t('users.notManageable')}
              </Text>
            )}
            {ACTION_ORDER.filter((action) => user.allowedActions.includes(action)).map((action) => (
              <Menu.Item
                key={action}
                color={action === 'deactivate' || action === 'resetTotp' ? 'red' : undefined}
                onClick={() => (action === 'unlock' ? unlock.mutate(user.id) : onDialog(dialogFor(action, user)))}
                data-testid={`user-action-${action}`}
              >
                {t(`users.${action}`)}
              </Menu.Item>
            ))}
          </Menu.Dropdown>
        </Menu>
      </Table.Td>
    </Table.Tr>
  );
}

/** The menu, in this order: what is done often first, what locks someone out last. */
const ACTION_ORDER: readonly UserAction[] = ['editContacts', 'addGrant', 'unlock', 'resetPassword', 'resetTotp', 'activate', 'deactivate'];

function dialogFor(action: Exclude<UserAction, 'unlock'>, user: User): Dialog {
  switch (action) {
    case 'editContacts':
      return { kind: 'contacts', user };
    case 'addGrant':
      return { kind: 'addGrant', user };
    case 'resetPassword':
      return { kind: 'password', user };
    case 'resetTotp':
      return { kind: 'totp', user };
    case 'activate':
    case 'deactivate':
      return { kind: 'setActive', user, active: action === 'activate' };
  }
}

/** "Nationwide", the region, agency and unit a grant is limited to (named by the server), or for an employee grant whose record it is. */
function GrantScope({ grant, employee }: { grant: UserGrant; employee: User['employee'] }) {
  const { t } = useTranslation();
  if (grant.role === 'employee') {
    if (!employee) return <>{t('users.scopeEmployeeUnknown')}</>;
    return <>{employee.nip ? t('users.scopeEmployeeNip', { name: employee.name, nip: employee.nip }) : t('users.scopeEmployee', { name: employee.name })}</>;
  }
  const parts: string[] = [];
  if (grant.regionCode) parts.push(t('users.scopeRegion', { name: grant.regionName ?? grant.regionCode }));
  if (grant.agencyId) parts.push(t('users.scopeAgency', { name: grant.agencyName ?? '…' }));
  // unit names repeat across an agency ("Bidang Pengawasan" in many OPD): the whole path says which
  if (grant.unitId) parts.push(t('users.scopeUnit', { name: grant.unitPath ?? '…' }));
  return <>{parts.length > 0 ? parts.join(' · ') : t('users.scopeNational')}</>;
}

/** An account's e-mail and WhatsApp number, where its notices go (creating an account and editing its contacts). */
function ContactFields(props: {
  email: string; phone: string; onEmail: (v: string) => void; onPhone: (v: string) => void; invalid: ReadonlySet<string>; emailHelp?: string; testIdPrefix: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('users.email')}
        description={props.emailHelp}
        type="email"
        autoComplete="off"
        value={props.email}
        onChange={(event) => props.onEmail(event.currentTarget.value)}
        error={props.invalid.has('email') ? t('users.emailInvalid') : undefined}
        data-testid={`${props.testIdPrefix}-email`}
      />
      <TextInput
        label={t('users.phone')}
        placeholder="+6281234567890"
        autoComplete="off"
        value={props.phone}
        onChange={(event) => props.onPhone(event.currentTarget.value)}
        error={props.invalid.has('phone') ? t('users.phoneInvalid') : undefined}
        data-testid={`${props.testIdPrefix}-phone`}
      />
    </>
  );
}

function CreateUserModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [grant, setGrant] = useState<GrantDraft>(EMPTY_GRANT);
  const [employee, setEmployee] = useState<Employee | null>(null);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  // a self-service account belongs to one employee of the registry (it reads their record and signs in their name)
  const forEmployee = grant.role === 'employee';

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // every field at once: the contract for the account, the role's needs for the grant (localized hints shown)
    const parsed = UserCreateInput.safeParse({
      username, displayName, password, ...(email.trim() ? { email: email.trim() } : {}), ...(phone.trim() ? { phone: phone.trim() } : {}), ...grantPayload({ ...grant, role: grant.role ?? 'employee' }),
      ...(forEmployee && employee ? { employeeId: employee.id } : {}),
    });
    const problems = new Set<string>([
      ...grantProblems(grant), ...(forEmployee && !employee ? ['employee'] : []), ...(parsed.success ? [] : parsed.error.issues.map((issue) => String(issue.path[0]))),
    ]);
    if (problems.size || !parsed.success) {
      setInvalid(problems);
      return;
    }
    setInvalid(new Set());
    create.mutate(parsed.data, { onSuccess: onClose });
  };

  return (
    <Modal opened onClose={onClose} title={t('users.createTitle')} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ProblemAlert error={create.error} />
          <TextInput
            label={t('users.username')}
            description={invalid.has('username') ? undefined : t('users.usernameHelp')}
            error={invalid.has('username') ? t('users.usernameHelp') : undefined}
            required
            autoComplete="off"
            autoCapitalize="none"
            spellCheck={false}
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value.toLowerCase())}
            data-testid="user-username"
          />
          <TextInput
            label={t('users.displayName')}
            required
            error={invalid.has('displayName') ? t('common.required') : undefined}
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            data-testid="user-display-name"
          />
          <PasswordInput
            label={t('users.password')}
            description={invalid.has('password') ? undefined : t('users.passwordHelp')}
            error={invalid.has('password') ? t('users.passwordHelp') : undefined}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            data-testid="user-password"
          />
          <ContactFields email={email} phone={phone} onEmail={setEmail} onPhone={setPhone} invalid={invalid} emailHelp={t('users.contactHelp')} testIdPrefix="user" />
          <GrantFields value={grant} onChange={setGrant} problems={invalid} />
          {forEmployee && (
            <EmployeePicker
              value={employee}
              onChange={(picked) => {
                setEmployee(picked);
                if (picked && !displayName.trim()) setDisplayName(picked.name);
              }}
              error={invalid.has('employee') ? t('users.employeeRequired') : undefined}
            />
          )}
          <FormActions onCancel={onClose} label={t('users.create')} loading={create.isPending} testId="user-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

function AddGrantModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const addGrant = useAddGrant();
  const [grant, setGrant] = useState<GrantDraft>(EMPTY_GRANT);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const problems = grantProblems(grant);
    setInvalid(problems);
    if (problems.size || !grant.role) return;
    addGrant.mutate(
      { userId: user.id, grant: grantPayload({ ...grant, role: grant.role }) },
      { onSuccess: onClose },
    );
  };
  return (
    <Modal opened onClose={onClose} title={t('users.addGrantTitle', { name: user.displayName })} size="lg">
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ProblemAlert error={addGrant.error} />
          {/* the employee role needs the account's own employee record, which only a new account is given */}
          <GrantFields value={grant} onChange={setGrant} problems={invalid} exclude={user.employee ? [] : ['employee']} />
          <FormActions onCancel={onClose} label={t('users.addGrant')} loading={addGrant.isPending} disabled={!grant.role} />
        </Stack>
      </form>
    </Modal>
  );
}

function RemoveGrantDialog({ user, grant, onClose }: { user: User; grant: UserGrant; onClose: () => void }) {
  const { t } = useTranslation();
  const removeGrant = useRemoveGrant();
  return (
    <ConfirmModal
      opened
      title={t('users.removeGrant')}
      message={t('users.removeGrantConfirm', { role: t(`roles.${grant.role}`), name: user.displayName })}
      confirmLabel={t('users.removeGrant')}
      danger
      loading={removeGrant.isPending}
      error={removeGrant.error}
      onConfirm={() => removeGrant.mutate({ userId: user.id, grantId: grant.id }, { onSuccess: onClose })}
      onClose={onClose}
    />
  );
}

function SetActiveDialog({ user, active, onClose }: { user: User; active: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const setActive = useSetUserActive();
  const apply = () => setActive.mutate({ userId: user.id, active }, { onSuccess: onClose });
  if (active) {
    return (
      <ConfirmModal
        opened
        title={t('users.activate')}
        message={user.displayName}
        confirmLabel={t('users.activate')}
        loading={setActive.isPending}
        error={setActive.error}
        onConfirm={apply}
        onClose={onClose}
      />
    );
  }
  return (
    <ConfirmModal
      opened
      title={t('users.deactivate')}
      message={t('users.deactivateConfirm', { name: user.displayName })}
      confirmLabel={t('users.deactivate')}
      danger
      loading={setActive.isPending}
      error={setActive.error}
      onConfirm={apply}
      onClose={onClose}
    />
  );
}

function ContactsModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateContacts();
  const [email, setEmail] = useState(user.email ?? '');
  const [phone, setPhone] = useState(user.phone ?? '');
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // an emptied field clears that contact
    const parsed = UserPatch.safeParse({ email: email.trim() || null, phone: phone.trim() || null });
    if (!parsed.success) {
      setInvalid(new Set(parsed.error.issues.map((issue) => String(issue.path[0]))));
      return;
    }
    setInvalid(new Set());
    update.mutate({ userId: user.id, email: parsed.data.email ?? null, phone: parsed.data.phone ?? null }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('users.editContactsTitle', { name: user.displayName })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ProblemAlert error={update.error} />
          <Text size="sm" c="dimmed">
            {t('users.contactHelp')}
          </Text>
          <ContactFields email={email} phone={phone} onEmail={setEmail} onPhone={setPhone} invalid={invalid} testIdPrefix="contacts" />
          <FormActions onCancel={onClose} label={t('common.save')} loading={update.isPending} testId="contacts-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetPassword();
  const [password, setPassword] = useState('');
  const [invalid, setInvalid] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = UserPasswordReset.safeParse({ password });
    setInvalid(!parsed.success);
    if (parsed.success) reset.mutate({ userId: user.id, password: parsed.data.password }, { onSuccess: onClose });
  };
  return (
    <Modal opened onClose={onClose} title={t('users.resetPasswordTitle', { name: user.displayName })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <ProblemAlert error={reset.error} />
          <Text size="sm">{t('users.resetPasswordHelp')}</Text>
          <PasswordInput
            label={t('users.newPassword')}
            description={invalid ? undefined : t('users.newPasswordHelp')}
            error={invalid ? t('users.newPasswordHelp') : undefined}
            required
            autoComplete="new-password"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            data-testid="reset-password"
          />
          <FormActions onCancel={onClose} label={t('users.resetPassword')} loading={reset.isPending} color="red" testId="reset-password-submit" />
        </Stack>
      </form>
    </Modal>
  );
}

function ResetTotpDialog({ user, onClose }: { user: User; onClose: () => void }) {
  const { t } = useTranslation();
  const reset = useResetTotp();
  return (
    <ConfirmModal
      opened
      title={t('users.resetTotp')}
      message={t('users.resetTotpConfirm', { name: user.displayName })}
      confirmLabel={t('users.resetTotp')}
      danger
      loading={reset.isPending}
      error={reset.error}
      onConfirm={() => reset.mutate(user.id, { onSuccess: onClose })}
      onClose={onClose}
    />
  );
}
