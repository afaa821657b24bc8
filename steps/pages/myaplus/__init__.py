"""My APLUS screens ① to ⑫ and the recovery pages, by the names the features use."""
from ..base import registry
from .code_email import EmailCodeScreen
from .code_phone import PhoneCodeScreen
from .complete import CompleteScreen
from .email_choice import EmailChoiceScreen
from .email_confirm import EmailConfirmScreen
from .email_new import NewEmailScreen
from .login import LoginScreen
from .password import PasswordScreen
from .recovery import ForgotPasswordScreen, RegisterScreen, ResetPasswordScreen
from .terms import TermsScreen
from .top import TopScreen

SCREENS = registry(LoginScreen, TermsScreen, EmailChoiceScreen, NewEmailScreen, EmailCodeScreen, EmailConfirmScreen,
                   PhoneCodeScreen, PasswordScreen, CompleteScreen, TopScreen, ForgotPasswordScreen, ResetPasswordScreen,
                   RegisterScreen)
