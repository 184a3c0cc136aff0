import { lazy, Suspense, type ReactNode } from 'react'
import { Route, Routes } from 'react-router'
import { Layout } from './components/Layout'
import { RequireAuth } from './components/RequireAuth'
import { AccountConfirmationPage } from './pages/AccountConfirmationPage'
import { AccountPage } from './pages/AccountPage'
import { DevMailboxPage } from './pages/DevMailboxPage'
import { EmailChangeConfirmationPage } from './pages/EmailChangeConfirmationPage'
import { ForgotPasswordPage } from './pages/ForgotPasswordPage'
import { HomePage } from './pages/HomePage'
import { NotFoundPage } from './pages/NotFoundPage'
import { NotificationsPage } from './pages/NotificationsPage'
import { PostEditorPage } from './pages/PostEditorPage'
import { PostPage } from './pages/PostPage'
import { PostsPage } from './pages/PostsPage'
import { PublicProfilePage } from './pages/PublicProfilePage'
import { ResetPasswordPage } from './pages/ResetPasswordPage'
import { SettingsPage } from './pages/SettingsPage'
import { SignInPage } from './pages/SignInPage'
import { SignUpPage } from './pages/SignUpPage'
import { PageLoading } from './components/ui'

// The market pages (table, chart, icon list, HTML sanitiser) load on first visit.
const MarketPage = lazy(() => import('./pages/MarketPage').then((m) => ({ default: m.MarketPage })))
const CoinPage = lazy(() => import('./pages/CoinPage').then((m) => ({ default: m.CoinPage })))

const signedIn = (page: ReactNode) => <RequireAuth>{page}</RequireAuth>
const loaded = (page: ReactNode) => <Suspense fallback={<PageLoading label="Loading the market…" />}>{page}</Suspense>

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<HomePage />} />
        <Route path="sign-up" element={<SignUpPage />} />
        <Route path="sign-in" element={<SignInPage />} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password/:token" element={<ResetPasswordPage />} />
        <Route path="account-confirmation/:hash" element={<AccountConfirmationPage />} />
        <Route path="email-change-confirmation/:hash" element={<EmailChangeConfirmationPage />} />
        <Route path="account" element={signedIn(<AccountPage />)} />
        <Route path="settings" element={signedIn(<SettingsPage />)} />
        <Route path="notifications" element={signedIn(<NotificationsPage />)} />
        <Route path="user/:username" element={<PublicProfilePage />} />
        <Route path="posts" element={<PostsPage />} />
        <Route path="posts/new" element={signedIn(<PostEditorPage />)} />
        <Route path="posts/:slug" element={<PostPage />} />
        <Route path="posts/:slug/edit" element={signedIn(<PostEditorPage />)} />
        <Route path="tags/:tag" element={<PostsPage key="tag" />} />
        <Route path="market" element={loaded(<MarketPage />)} />
        <Route path="market/:uuid" element={loaded(<CoinPage />)} />
        <Route path="dev/mailbox" element={<DevMailboxPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  )
}
