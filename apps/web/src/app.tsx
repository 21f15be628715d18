import { lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { AppLayout } from './components/app-layout.tsx';
import { PageBoundary } from './components/page-boundary.tsx';
import { LoginPage } from './features/auth/login-page.tsx';
import { RequireSession } from './features/auth/session.tsx';
import { RequireAccess, canOpenCases, type Access } from './features/auth/access.tsx';

// Signed-in pages load on demand so the sign-in page stays small.
const RegistryPage = lazy(() =>
  import('./features/registry/registry-page.tsx').then((m) => ({ default: m.RegistryPage })),
);
const EmployeePage = lazy(() =>
  import('./features/registry/employee-page.tsx').then((m) => ({ default: m.EmployeePage })),
);
const AssessPage = lazy(() => import('./features/assess/assess-page.tsx').then((m) => ({ default: m.AssessPage })));
const TimelinePage = lazy(() =>
  import('./features/timeline/timeline-page.tsx').then((m) => ({ default: m.TimelinePage })),
);
const ImportPage = lazy(() => import('./features/import/import-page.tsx').then((m) => ({ default: m.ImportPage })));
const UsersPage = lazy(() => import('./features/users/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const TipsPage = lazy(() => import('./features/tips/tips-page.tsx').then((m) => ({ default: m.TipsPage })));
const TipPage = lazy(() => import('./features/tips/tip-page.tsx').then((m) => ({ default: m.TipPage })));
// Public and anonymous: their own small chunks, and no session is read or created there.
const ReportPage = lazy(() =>
  import('./features/public-report/report-page.tsx').then((m) => ({ default: m.ReportPage })),
);
const FollowPage = lazy(() =>
  import('./features/public-report/follow-page.tsx').then((m) => ({ default: m.FollowPage })),
);
const CasesPage = lazy(() => import('./features/cases/cases-page.tsx').then((m) => ({ default: m.CasesPage })));
const CasePage = lazy(() => import('./features/cases/case-page.tsx').then((m) => ({ default: m.CasePage })));
const IntakePage = lazy(() => import('./features/cases/intake-page.tsx').then((m) => ({ default: m.IntakePage })));
const ConflictsPage = lazy(() => import('./features/conflicts/conflicts-page.tsx').then((m) => ({ default: m.ConflictsPage })));
const CampaignsPage = lazy(() => import('./features/pledges/campaigns-page.tsx').then((m) => ({ default: m.CampaignsPage })));
const CampaignPage = lazy(() => import('./features/pledges/campaign-page.tsx').then((m) => ({ default: m.CampaignPage })));
const SignPage = lazy(() => import('./features/pledges/sign-page.tsx').then((m) => ({ default: m.SignPage })));
const VerifyPage = lazy(() => import('./features/pledges/verify-page.tsx').then((m) => ({ default: m.VerifyPage })));
const EventsPage = lazy(() => import('./features/socialization/events-page.tsx').then((m) => ({ default: m.EventsPage })));
const EventPage = lazy(() => import('./features/socialization/event-page.tsx').then((m) => ({ default: m.EventPage })));
const BriefedCoveragePage = lazy(() => import('./features/socialization/coverage-page.tsx').then((m) => ({ default: m.CoveragePage })));
const RemindersPage = lazy(() => import('./features/socialization/reminders-page.tsx').then((m) => ({ default: m.RemindersPage })));
const CheckinPage = lazy(() => import('./features/socialization/checkin-page.tsx').then((m) => ({ default: m.CheckinPage })));
const AuditPage = lazy(() => import('./features/audit/audit-page.tsx').then((m) => ({ default: m.AuditPage })));

/** A page for sessions with `access` only (as the menu shows it); others get a "no access" page, not a form the API refuses. */
const only = (access: Access, page: ReactNode) => <RequireAccess access={access}>{page}</RequireAccess>;

export function App() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      {/* Outside <RequireSession>: /auth/me is never called and nothing redirects to /login. */}
      <Route
        path="/lapor"
        element={
          <PageBoundary>
            <ReportPage />
          </PageBoundary>
        }
      />
      <Route
        path="/lapor/pantau"
        element={
          <PageBoundary>
            <FollowPage />
          </PageBoundary>
        }
      />
      <Route
        path="/tandatangan/:campaignId"
        element={
          <PageBoundary>
            <SignPage />
          </PageBoundary>
        }
      />
      <Route
        path="/verify/:code"
        element={
          <PageBoundary>
            <VerifyPage />
          </PageBoundary>
        }
      />
      <Route
        path="/hadir/:token"
        element={
          <PageBoundary>
            <CheckinPage />
          </PageBoundary>
        }
      />
      <Route
        element={
          <RequireSession>
            <AppLayout />
          </RequireSession>
        }
      >
        {/* an employee reads their own record here (self.read), so the registry is not guarded */}
        <Route path="/registry" element={<RegistryPage />} />
        <Route path="/registry/:id" element={<EmployeePage />} />
        <Route path="/assess" element={<AssessPage />} />
        <Route path="/timeline" element={<TimelinePage />} />
        <Route path="/import" element={only('registry.import', <ImportPage />)} />
        <Route path="/users" element={only('users.manage', <UsersPage />)} />
        <Route path="/audit" element={only('audit.read', <AuditPage />)} />
        <Route path="/tips" element={only('tips.read', <TipsPage />)} />
        <Route path="/tips/:id" element={only('tips.read', <TipPage />)} />
        <Route path="/conflicts" element={only('registry.read', <ConflictsPage />)} />
        <Route path="/pledges" element={only('registry.read', <CampaignsPage />)} />
        <Route path="/pledges/:id" element={only('registry.read', <CampaignPage />)} />
        <Route path="/socialization" element={only('registry.read', <EventsPage />)} />
        <Route path="/socialization/events/:id" element={only('registry.read', <EventPage />)} />
        <Route path="/socialization/coverage" element={only('registry.read', <BriefedCoveragePage />)} />
        <Route path="/socialization/reminders" element={only('registry.read', <RemindersPage />)} />
        <Route path="/cases" element={only('cases.read', <CasesPage />)} />
        <Route path="/cases/new" element={only(canOpenCases, <IntakePage />)} />
        <Route path="/cases/:id" element={only('cases.read', <CasePage />)} />
      </Route>
      <Route path="*" element={<Navigate to="/registry" replace />} />
    </Routes>
  );
}
